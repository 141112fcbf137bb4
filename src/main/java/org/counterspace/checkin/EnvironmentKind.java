package org.counterspace.checkin;

/** The three kinds of counter-environment the founding article names. */
public enum EnvironmentKind {
    SPACE, PERSON, PRACTICE
}

package org.counterspace.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a person can reach a service. */
public enum Channel {

    PHONE, TEXT, CHAT, IN_PERSON, ONLINE;

    /** The code in URLs and the index, e.g. {@code in-person}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(channel -> channel.code().equals(code)).findFirst();
    }
}

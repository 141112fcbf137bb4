package org.counterspace.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.counterspace.web.FieldErrorsShown;

/**
 * What the check-in form sends, as the text typed, so a bad value never stops the rest of the
 * input from coming back to the person. Never carries an id or an owner: those come from the URL
 * and the session.
 * <p>
 * A JavaBean rather than a record: Spring binds a record through its constructor and reads every
 * constructor parameter's annotations again on each request, which was a sixth of a check-in's CPU;
 * setters are bound through cached property descriptors.
 */
@FieldErrorsShown
public class CheckInForm {

    @NotBlank(message = "{checkin.error.day.required}")
    private String day;

    @OnScale(value = Scale.MOOD, message = "{checkin.error.mood}")
    private String mood;

    @OnScale(value = Scale.HOME_PULL, message = "{checkin.error.homePull}")
    private String homePull;

    private List<String> environments;

    @Size(max = CheckIn.SMALL_WIN_MAX, message = "{checkin.error.smallWin.size}")
    private String smallWin;

    @Size(max = CheckIn.NOTE_MAX, message = "{checkin.error.note.size}")
    private String note;

    private String toDiscuss;

    static CheckInForm blank(LocalDate today) {
        CheckInForm form = new CheckInForm();
        form.day = today.toString();
        form.environments = List.of();
        return form;
    }

    static CheckInForm of(CheckIn checkIn) {
        CheckInForm form = new CheckInForm();
        form.day = checkIn.getDay().toString();
        form.mood = String.valueOf(checkIn.getMood().value());
        form.homePull = String.valueOf(checkIn.getHomePull().value());
        form.environments = checkIn.getEnvironmentIds().stream().map(UUID::toString).toList();
        form.smallWin = checkIn.getSmallWin();
        form.note = checkIn.getNote();
        form.toDiscuss = checkIn.isToDiscuss() ? "true" : null;
        return form;
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    public String getMood() {
        return mood;
    }

    public void setMood(String mood) {
        this.mood = mood;
    }

    public String getHomePull() {
        return homePull;
    }

    public void setHomePull(String homePull) {
        this.homePull = homePull;
    }

    public List<String> getEnvironments() {
        return environments;
    }

    public void setEnvironments(List<String> environments) {
        this.environments = environments;
    }

    public String getSmallWin() {
        return smallWin;
    }

    public void setSmallWin(String smallWin) {
        this.smallWin = smallWin;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getToDiscuss() {
        return toDiscuss;
    }

    public void setToDiscuss(String toDiscuss) {
        this.toDiscuss = toDiscuss;
    }

    /** The date, or null when it is not a real ISO date. */
    LocalDate date() {
        try {
            return day == null ? null : LocalDate.parse(day.strip());
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The chosen environment ids that are well-formed ids. */
    public List<UUID> chosen() {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String id : environments == null ? List.<String>of() : environments) {
            try {
                ids.add(UUID.fromString(id.strip()));
            }
            catch (IllegalArgumentException e) {
                // reported by malformedEnvironments()
            }
        }
        return new ArrayList<>(ids);
    }

    boolean malformedEnvironments() {
        return environments != null && chosen().size() != environments.stream().filter(id -> !id.isBlank()).distinct().count();
    }

    public boolean discuss() {
        return "true".equals(toDiscuss) || "on".equals(toDiscuss);
    }

    /** The answer the mood scale shows as chosen, if any: all the scale reads of the form (its prepared rendering's key). */
    public Integer chosenMood() {
        return Scale.MOOD.read(mood).orElse(null);
    }

    /** The answer the home-pull scale shows as chosen, if any. */
    public Integer chosenHomePull() {
        return Scale.HOME_PULL.read(homePull).orElse(null);
    }

    public boolean isMood(int value) {
        return Objects.equals(chosenMood(), value);
    }

    public boolean isHomePull(int value) {
        return Objects.equals(chosenHomePull(), value);
    }

    /** Only for a form that passed validation. */
    CheckInEntry toEntry() {
        return new CheckInEntry(date(), Mood.read(mood).orElseThrow(), HomePull.read(homePull).orElseThrow(),
                smallWin, note, discuss(), Set.copyOf(chosen()));
    }
}

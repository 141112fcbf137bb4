package org.counterspace.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;
import org.springframework.data.domain.Persistable;

/**
 * One check-in: how a person felt, how hard home pulled, and which counter-environments they used.
 * Environments are kept as ids so a rename shows everywhere and archiving never loses history.
 */
@Entity
@Table(name = "check_in")
class CheckIn implements Persistable<UUID> {

    static final int SMALL_WIN_MAX = 500;

    static final int NOTE_MAX = 5000;

    static final int SOURCE_ID_MAX = 100;

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    // Read as a LocalDate straight from the driver: the default path goes through java.sql.Date and a
    // calendar for every row, a visible share of the trends page with a year of rows.
    @Column(name = "entry_date", nullable = false)
    @JdbcType(LocalDateJdbcType.class)
    private LocalDate day;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    // The numbers themselves, as the columns hold them; the getters give them as a Mood and a HomePull.
    @Column(nullable = false)
    private int mood;

    @Column(name = "home_pull", nullable = false)
    private int homePull;

    @Column(name = "small_win", length = SMALL_WIN_MAX)
    private String smallWin;

    @Column(length = NOTE_MAX)
    private String note;

    @Column(name = "to_discuss", nullable = false)
    private boolean toDiscuss;

    /** Added by a CSV or Daylio import: counts against the import allowance, not the daily check-ins. */
    @Column(nullable = false, updatable = false)
    private boolean imported;

    /** The id the entry had in an imported file (see {@link #identity()}); null for check-ins made here. */
    @Column(name = "source_id", length = SOURCE_ID_MAX, updatable = false)
    private String sourceId;

    @ElementCollection
    @CollectionTable(name = "check_in_environment", joinColumns = @JoinColumn(name = "check_in_id"))
    @Column(name = "counter_environment_id")
    private Set<UUID> environmentIds = new LinkedHashSet<>();

    /** The id is made here, not by the database: this tells a save to insert, without first selecting by id. */
    @Transient
    private boolean stored;

    protected CheckIn() {
    }

    @PostLoad
    @PostPersist
    void markStored() {
        this.stored = true;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    CheckIn(UUID accountId, Instant recordedAt, CheckInEntry entry) {
        this.id = TimeOrderedIds.at(recordedAt);
        this.accountId = accountId;
        this.recordedAt = recordedAt;
        update(entry);
    }

    static CheckIn imported(UUID accountId, Instant recordedAt, CheckInEntry entry, String sourceId) {
        CheckIn checkIn = new CheckIn(accountId, recordedAt, entry);
        checkIn.imported = true;
        checkIn.sourceId = sourceId;
        return checkIn;
    }

    /**
     * The id exports give this entry: the id it was imported with, else its own. So an entry moved from
     * one account to another, and back, is recognised as the same entry wherever it is imported again.
     */
    String identity() {
        return sourceId != null ? sourceId : id.toString();
    }

    void update(CheckInEntry entry) {
        this.day = entry.day();
        this.mood = entry.mood().value();
        this.homePull = entry.homePull().value();
        this.smallWin = entry.smallWin();
        this.note = entry.note();
        this.toDiscuss = entry.toDiscuss();
        this.environmentIds.clear();
        this.environmentIds.addAll(entry.environmentIds());
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public LocalDate getDay() {
        return day;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Mood getMood() {
        return new Mood(mood);
    }

    public HomePull getHomePull() {
        return new HomePull(homePull);
    }

    public String getSmallWin() {
        return smallWin;
    }

    public String getNote() {
        return note;
    }

    public boolean isToDiscuss() {
        return toDiscuss;
    }

    public Set<UUID> getEnvironmentIds() {
        return environmentIds;
    }
}

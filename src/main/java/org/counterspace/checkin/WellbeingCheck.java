package org.counterspace.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One completed WHO-5: the five answers as given and the 0–100 score. */
@Entity
@Table(name = "wellbeing_check")
class WellbeingCheck {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "taken_on", nullable = false)
    private LocalDate day;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    private int item1;

    private int item2;

    private int item3;

    private int item4;

    private int item5;

    @Column(nullable = false)
    private int score;

    protected WellbeingCheck() {
    }

    WellbeingCheck(UUID accountId, LocalDate day, Instant recordedAt, List<Integer> answers) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.day = day;
        this.recordedAt = recordedAt;
        this.score = Who5.score(answers);
        this.item1 = answers.get(0);
        this.item2 = answers.get(1);
        this.item3 = answers.get(2);
        this.item4 = answers.get(3);
        this.item5 = answers.get(4);
    }

    public UUID getId() {
        return id;
    }

    public LocalDate getDay() {
        return day;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public int getScore() {
        return score;
    }

    public List<Integer> answers() {
        return List.of(item1, item2, item3, item4, item5);
    }
}

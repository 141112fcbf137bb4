package org.counterspace.directory.curation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface FeedbackRepository extends JpaRepository<Feedback, UUID> {

    List<Feedback> findByStatusOrderByCreatedAtAsc(String status);
}

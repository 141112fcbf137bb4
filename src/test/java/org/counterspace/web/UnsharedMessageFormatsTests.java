package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;

/** The messages read as before, arguments and all, and formatting them never shares one format object. */
@SpringBootTest
class UnsharedMessageFormatsTests {

    @Autowired
    MessageSource messages;

    @Test
    void theApplicationsMessagesFormatOnTheirOwnCopy() {
        assertThat(messages).isInstanceOf(UnsharedMessageFormats.CopyingMessageSource.class);
        UnsharedMessageFormats.CopyingMessageSource copying = (UnsharedMessageFormats.CopyingMessageSource) messages;

        assertThat(copying.resolveCode("checkin.entry.pullValue", Locale.ENGLISH))
            .isNotSameAs(copying.resolveCode("checkin.entry.pullValue", Locale.ENGLISH));
        assertThat(copying.resolveCode("no.such.message", Locale.ENGLISH)).isNull();
    }

    @Test
    void messagesWithArgumentsReadTheSameFromManyThreadsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                int value = i % 11;
                answers.add(threads.submit(() -> value + "|" + messages.getMessage("checkin.entry.pullValue",
                        new Object[] { value }, Locale.ENGLISH)));
            }
            for (Future<String> answer : answers) {
                String[] parts = answer.get().split("\\|");
                assertThat(parts[1]).isEqualTo(parts[0] + " of 10");
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(messages.getMessage("checkin.mood.3", null, Locale.ENGLISH)).isEqualTo("Okay");
    }
}

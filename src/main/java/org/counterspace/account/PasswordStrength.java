package org.counterspace.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Keyboard;

/**
 * How many guesses a new password would take, estimated by zxcvbn (Dropbox's estimator, Java port
 * {@code com.nulab-inc:zxcvbn}, MIT): dictionaries of common passwords, names and words, keyboard
 * patterns, repeats, sequences, dates and look-alike swaps, with the username and this site's own
 * words as what a guesser would try first. A password needs a score of 3 (about 10^8 guesses).
 * When it falls short, the advice says in our own words what would make it stronger.
 */
@Component
class PasswordStrength {

    static final int MINIMUM_SCORE = 3;

    /** zxcvbn's work grows steeply with length; 50 characters that are hard to guess are plenty. */
    static final int MEASURED_LENGTH = 50;

    /**
     * Its look-alike matcher reads the password once for every way of reading the look-alikes in it
     * as letters, and that number multiplies with each letter that has several: 0-9 with '!', '@' and
     * '$' gave 48 readings and took 0.15 s, all twenty look-alikes 736 readings and half a second
     * (several seconds for 256 characters). A look-alike that would take the number of readings past
     * this many is replaced by a letter of its own that stands for nothing, so repeats stay repeats
     * and only those readings are lost. Digits alone make 4.
     */
    static final int MEASURED_READINGS = 8;

    /** zxcvbn's look-alike table: each character, the letters it may stand for, and our stand-in for it. */
    private static final String LOOKALIKES = "4@8({[<3691!|70$5+%2";

    private static final String[] READ_AS = { "a", "a", "b", "c", "c", "c", "c", "e", "g", "g", "il", "i", "il", "lt",
            "o", "s", "s", "t", "x", "z" };

    /** Letters that stand for nothing in zxcvbn. */
    private static final String STAND_INS = "αβγδεζηθικλμνξπρστφψ";

    /** Words someone guessing at an account here would try first. */
    static final List<String> SITE_WORDS = List.of("counterspace", "counter", "space", "home", "healing", "heal",
            "safe", "safety", "plan", "check", "checkin", "mood", "journal", "support", "help", "recovery", "account",
            "password", "passphrase", "login", "signin", "private", "abuse", "domestic", "wellbeing", "directory");

    /** zxcvbn's feedback, by the start of its message key, in our own words (messages.properties). */
    private static final Map<String, String> ADVICE = adviceByFeedback();

    private static final String SITE_ADVICE = "account.password.advice.site";

    private static final String DEFAULT_ADVICE = "account.password.advice.more";

    /** Makes zxcvbn's feedback return its message keys, which are mapped to our own words. */
    private static final ResourceBundle KEYS = new ResourceBundle() {

        @Override
        protected Object handleGetObject(String key) {
            return key;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    };

    /**
     * Built on first use ({@link Passwords#readWordListsInTheBackground}), not on start-up's path, with its
     * dictionaries kept compact ({@link ZxcvbnDictionaries}).
     */
    private final Supplier<Zxcvbn> zxcvbn = SingletonSupplier.of(() -> new ZxcvbnBuilder()
        .dictionaries(ZxcvbnDictionaries.load())
        .keyboards(keyboards())
        .build());

    private static List<Keyboard> keyboards() {
        try {
            return StandardKeyboards.loadAllKeyboards();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read zxcvbn's keyboards", e);
        }
    }

    private static Map<String, String> adviceByFeedback() {
        Map<String, String> advice = new LinkedHashMap<>();
        advice.put("feedback.repeat.", "account.password.advice.repeat");
        advice.put("feedback.sequence.", "account.password.advice.sequence");
        advice.put("feedback.dictionary.warning.passwords.", "account.password.advice.common");
        advice.put("feedback.dictionary.warning.", "account.password.advice.word");
        advice.put("feedback.dictionary.suggestions.capitalization", "account.password.advice.word");
        advice.put("feedback.dictionary.suggestions.allUppercase", "account.password.advice.word");
        advice.put("feedback.dictionary.suggestions.", "account.password.advice.swaps");
        advice.put("feedback.spatial.", "account.password.advice.keyboard");
        advice.put("feedback.regex.", "account.password.advice.dates");
        advice.put("feedback.date.", "account.password.advice.dates");
        return Collections.unmodifiableMap(advice);
    }

    /** Reads the dictionaries now, if they have not been read yet. */
    void load() {
        zxcvbn.get();
    }

    /** The message key of advice on how to make it stronger, or empty when it is hard enough to guess. */
    Optional<String> adviceFor(String normalisedPassword, String username) {
        Strength strength = zxcvbn.get().measure(measuredPart(normalisedPassword), context(username));
        if (strength.getScore() >= MINIMUM_SCORE) {
            return Optional.empty();
        }
        Feedback feedback = strength.getFeedback().withResourceBundle(KEYS);
        List<String> said = new ArrayList<>();
        if (feedback.getWarning() != null && !feedback.getWarning().isEmpty()) {
            said.add(feedback.getWarning());
        }
        boolean siteWords = strength.getSequence().stream().anyMatch(match -> "user_inputs".equals(match.dictionaryName));
        if (said.isEmpty() && siteWords) {
            return Optional.of(SITE_ADVICE);
        }
        said.addAll(feedback.getSuggestions());
        return Optional.of(said.stream()
            .flatMap(key -> ADVICE.entrySet().stream().filter(entry -> key.startsWith(entry.getKey())))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(DEFAULT_ADVICE));
    }

    /** The first {@link #MEASURED_LENGTH} characters, with look-alikes past the limit replaced. */
    static String measuredPart(String password) {
        StringBuilder measured = new StringBuilder();
        Map<Character, Integer> keptForLetter = new HashMap<>();
        Map<Integer, Boolean> kept = new HashMap<>();
        password.codePoints().limit(MEASURED_LENGTH).forEach(c -> {
            int lookalike = c < 128 ? LOOKALIKES.indexOf(c) : -1;
            if (lookalike < 0) {
                measured.appendCodePoint(c);
                return;
            }
            kept.computeIfAbsent(c, first -> {
                Map<Character, Integer> with = new HashMap<>(keptForLetter);
                READ_AS[lookalike].chars().forEach(letter -> with.merge((char) letter, 1, Integer::sum));
                boolean keep = readings(with) <= MEASURED_READINGS;
                if (keep) {
                    keptForLetter.putAll(with);
                }
                return keep;
            });
            measured.append(kept.get(c) ? (char) c : STAND_INS.charAt(lookalike));
        });
        return measured.toString();
    }

    /** How many ways zxcvbn reads the look-alikes kept: the product of how many each letter has. */
    private static int readings(Map<Character, Integer> keptForLetter) {
        return keptForLetter.values().stream().reduce(1, (product, count) -> product * count);
    }

    private static List<String> context(String username) {
        List<String> words = new ArrayList<>(SITE_WORDS);
        if (username != null && !username.isBlank()) {
            String name = username.toLowerCase(Locale.ROOT);
            words.add(name);
            for (String part : name.split("[._-]+")) {
                if (part.length() >= 3) {
                    words.add(part);
                }
            }
        }
        return words;
    }
}

package org.counterspace.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The device cookie of OWASP's "slow brute-force defence using device cookies": a browser where an
 * account has signed in keeps a token for that account, so its sign-ins have an allowance of their
 * own and guesses made elsewhere cannot make the owner wait ({@link SignInAttempts}).
 * <p>
 * A token is a random id and an HMAC-SHA256 over the id and the account's username key. The cookie
 * holds neither the name nor the account id, only the tokens of the last few accounts that signed
 * in here, and a token is only recognised when the name typed is the one it was made for.
 */
@Component
class KnownDevices {

    static final String COOKIE = "device";

    static final String KEY_PURPOSE = "device-cookie";

    /**
     * The sign-in form's "this is a shared device" box: the browser is not remembered, and any token
     * it already held for the account is dropped.
     */
    static final String SHARED_PARAMETER = "sharedDevice";

    /** Tokens of this many accounts are kept, newest first: a shared device may have several. */
    static final int KEPT = 4;

    private static final int ID_BYTES = 16;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Supplier<SecretKeySpec> key;

    private final Duration maxAge;

    private final SecureRandom random = new SecureRandom();

    /**
     * @param configuredKey {@code counterspace.known-devices.key}: the HMAC key, Base64, at least 32
     * bytes; when empty one is made once and kept in the database ({@link SigningKeys})
     * @param maxAge {@code counterspace.known-devices.max-age}: how long a browser stays known after
     * its last sign-in (default 365 days)
     */
    KnownDevices(@Value("${counterspace.known-devices.key:}") String configuredKey,
            @Value("${counterspace.known-devices.max-age:365d}") Duration maxAge, SigningKeys keys) {
        this.maxAge = maxAge;
        this.key = SingletonSupplier.of(() -> new SecretKeySpec(configuredKey.isBlank() ? keys.keyFor(KEY_PURPOSE)
                : configured(configuredKey), "HmacSHA256"));
    }

    private static byte[] configured(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length < SigningKeys.KEY_BYTES) {
            throw new IllegalStateException("counterspace.known-devices.key needs at least 32 bytes (Base64)");
        }
        return bytes;
    }

    /** Whether the person signing in said this browser is shared with others. */
    static boolean sharedDevice(HttpServletRequest request) {
        return "true".equals(request.getParameter(SHARED_PARAMETER));
    }

    /** The id of this browser's token for the name typed, when it carries a valid one. */
    Optional<String> recognise(HttpServletRequest request, String usernameKey) {
        return tokens(request).stream()
            .filter(token -> valid(token, usernameKey))
            .map(Token::id)
            .findFirst();
    }

    /**
     * After a successful sign-in: this browser keeps (or gets) a token for the account, first in
     * the cookie, whose expiry starts again.
     */
    void remember(String usernameKey, HttpServletRequest request, HttpServletResponse response) {
        List<Token> tokens = new ArrayList<>(tokens(request));
        Token mine = tokens.stream()
            .filter(token -> valid(token, usernameKey))
            .findFirst()
            .orElseGet(() -> newToken(usernameKey));
        tokens.remove(mine);
        tokens.add(0, mine);
        write(tokens, request, response);
    }

    /**
     * After a sign-in on a browser said to be shared: it keeps no token for the account (the
     * cookie goes when no other account's is left); without one there was nothing to change.
     */
    void forget(String usernameKey, HttpServletRequest request, HttpServletResponse response) {
        List<Token> tokens = tokens(request);
        List<Token> others = tokens.stream().filter(token -> !valid(token, usernameKey)).toList();
        if (others.size() < tokens.size()) {
            write(others, request, response);
        }
    }

    private void write(List<Token> tokens, HttpServletRequest request, HttpServletResponse response) {
        String value = String.join("~", tokens.stream().limit(KEPT).map(Token::toString).toList());
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value)
            .path(request.getContextPath() + "/")
            .maxAge(tokens.isEmpty() ? Duration.ZERO : maxAge)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .build()
            .toString());
    }

    private Token newToken(String usernameKey) {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        String encodedId = ENCODER.encodeToString(id);
        return new Token(encodedId, ENCODER.encodeToString(mac(encodedId, usernameKey)));
    }

    /** The well-formed tokens of this browser's cookie; anything else in it is ignored. */
    private List<Token> tokens(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return List.of();
        }
        return Arrays.stream(cookies)
            .filter(cookie -> COOKIE.equals(cookie.getName()))
            .flatMap(cookie -> Arrays.stream(cookie.getValue().split("~", KEPT + 1)).limit(KEPT))
            .flatMap(text -> Token.parse(text).stream())
            .toList();
    }

    private byte[] mac(String id, String usernameKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.get());
            return mac.doFinal(("device-v1\n" + id + "\n" + usernameKey).getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether the token was made by this application for this username key. */
    private boolean valid(Token token, String usernameKey) {
        byte[] expected = ENCODER.encode(mac(token.id(), usernameKey));
        return MessageDigest.isEqual(expected, token.signature().getBytes(StandardCharsets.US_ASCII));
    }

    /** One account's token: the random id and its signature, both Base64url. */
    record Token(String id, String signature) {

        static Optional<Token> parse(String text) {
            int dot = text.indexOf('.');
            return dot > 0 && text.length() < 100 ? Optional.of(new Token(text.substring(0, dot), text.substring(dot + 1)))
                    : Optional.empty();
        }

        @Override
        public String toString() {
            return id + "." + signature;
        }
    }
}

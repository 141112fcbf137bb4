package org.counterspace.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 straight over a socket to the real server, with a cookie jar: for requests whose body
 * the server may answer without reading, which a client library would not let a test hold back.
 */
public final class RawHttp {

    private static final int HEAD_START = 64 * 1024;

    private final int port;

    private final Map<String, String> cookies;

    /** Headers sent with every request; a {@code Host} here replaces the server's own address. */
    private final Map<String, String> headers;

    public RawHttp(int port) {
        this(port, new LinkedHashMap<>(), Map.of());
    }

    private RawHttp(int port, Map<String, String> cookies, Map<String, String> headers) {
        this.port = port;
        this.cookies = cookies;
        this.headers = headers;
    }

    /** The same person, cookies and all, talking to another server (a second instance on the same database). */
    public RawHttp on(int otherPort) {
        return new RawHttp(otherPort, cookies, headers);
    }

    /** The same person, cookies and all, sending these headers too (a proxy's, or a forged {@code Host}). */
    public RawHttp with(Map<String, String> moreHeaders) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(moreHeaders);
        return new RawHttp(port, cookies, all);
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A multipart/form-data body: the given text fields, then one file of {@code fileSize} bytes
     * ("a" repeated), made as it is sent so a large body needs no memory.
     */
    public record Multipart(Map<String, String> fields, String fileField, long fileSize, String fileStart) {

        static final String BOUNDARY = "----counterspace-test-boundary";

        /** A small text file as the "file" field, and nothing else. */
        public static Multipart text(String content) {
            return new Multipart(Map.of(), "file", 0, content);
        }

        String contentType() {
            return "multipart/form-data; boundary=" + BOUNDARY;
        }

        byte[] head() {
            StringBuilder head = new StringBuilder();
            fields.forEach((name, value) -> head.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
            head.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"upload.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(fileStart);
            return head.toString().getBytes(StandardCharsets.UTF_8);
        }

        byte[] tail() {
            return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        }

        long length() {
            return head().length + fileSize + tail().length;
        }

        /** Writes the body from byte {@code from} up to (not including) byte {@code to}. */
        void write(OutputStream out, long from, long to) throws IOException {
            byte[] head = head();
            byte[] tail = tail();
            byte[] filler = new byte[64 * 1024];
            Arrays.fill(filler, (byte) 'a');
            long fileEnd = head.length + fileSize;
            long at = from;
            if (at < head.length) {
                int end = (int) Math.min(head.length, to);
                out.write(head, (int) at, end - (int) at);
                at = end;
            }
            while (at < Math.min(fileEnd, to)) {
                int chunk = (int) Math.min(filler.length, Math.min(fileEnd, to) - at);
                out.write(filler, 0, chunk);
                at += chunk;
            }
            if (at < to) {
                out.write(tail, (int) (at - fileEnd), (int) (to - at));
            }
        }
    }

    public Response get(String target) throws IOException {
        return exchange("GET", target, null, null);
    }

    public Response postForm(String target, String urlEncodedBody) throws IOException {
        return post(target, "application/x-www-form-urlencoded", urlEncodedBody);
    }

    /** Any body, exactly as given. */
    public Response post(String target, String contentType, String body) throws IOException {
        return exchange("POST", target, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts a multipart body. With {@code answeredUnread}, only its first 64 KB are sent before the
     * answer is read (a server that needed the rest would wait for it and the read time out); the
     * connection is closed after the answer without sending more.
     */
    public Response postMultipart(String target, Multipart body, boolean answeredUnread) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead("POST", target, body.contentType(), body.length()));
            body.write(out, 0, answeredUnread ? Math.min(HEAD_START, body.length()) : body.length());
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** Signs in through the login form, keeping the session cookie. */
    public void signIn(String username, String password) throws IOException {
        String token = hiddenCsrfToken(get("/login").body());
        Response answer = postForm("/login", "username=" + username + "&password=" + password.replace(" ", "+")
                + "&_csrf=" + token);
        if (answer.status() != 302 || answer.header("location").contains("error")) {
            throw new IllegalStateException("Sign-in failed: " + answer.status() + " " + answer.header("location"));
        }
    }

    public static String hiddenCsrfToken(String html) {
        return hiddenField(html, "_csrf");
    }

    public static String hiddenField(String html, String name) {
        return find(html, "name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"");
    }

    /** The CSRF token in the query string of the form posting to {@code path}. */
    public static String formActionToken(String html, String path) {
        return find(html, "action=\"" + Pattern.quote(path) + "\\?_csrf=([^\"&]+)\"");
    }

    private static String find(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("Not found: " + regex);
        }
        return matcher.group(1);
    }

    private Response exchange(String method, String target, String contentType, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(method, target, contentType, body == null ? -1 : body.length));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private byte[] requestHead(String method, String target, String contentType, long length) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
            .append("Host: ").append(headers.getOrDefault("Host", "127.0.0.1:" + port)).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> {
            if (!name.equals("Host")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(length).append("\r\n");
        }
        if (!cookies.isEmpty()) {
            head.append("Cookie: ");
            cookies.forEach((name, value) -> head.append(name).append('=').append(value).append("; "));
            head.setLength(head.length() - 2);
            head.append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One response, its body framed by Content-Length or chunks (so the connection need not close first). */
    private Response read(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("set-cookie")) {
                String pair = value.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        }
        else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        else {
            in.transferTo(body);
        }
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}

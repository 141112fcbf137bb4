package org.counterspace.web.sweep;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.counterspace.web.sweep.SweepValues.Bytes;
import org.counterspace.web.sweep.SweepValues.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Sends one endpoint the battery through MockMvc: each parameter in turn gets every bad value while
 * the others keep the values a page filled in; then duplicated, indexed and dotted names, a missing
 * parameter, bad path ids, and for a form a missing or wrong CSRF token. Upload fields get bad files,
 * and the app's own downloads with a bad value written into them.
 */
final class SweepBattery {

    private enum Csrf {
        VALID, MISSING, INVALID
    }

    /** The values written into the app's own downloads (each import reads a whole file, so fewer). */
    private static final List<String> INTO_DOWNLOADS = List.of("NUL", "SOH", "lone high surrogate", "10k chars",
            "script tag");

    private static final List<String> NAME_FORMS = List.of("%s[]", "%s[0]", "%s[99999]", "%s.x");

    private final MockMvc mvc;

    private final SweepRoles roles;

    private final SweepLedger ledger;

    private final Random random;

    private final List<SweepDownloads.Download> downloads;

    SweepBattery(MockMvc mvc, SweepRoles roles, SweepLedger ledger, Random random,
            List<SweepDownloads.Download> downloads) {
        this.mvc = mvc;
        this.roles = roles;
        this.ledger = ledger;
        this.random = random;
        this.downloads = downloads;
    }

    void sweep(SweepEndpoint endpoint) throws Exception {
        send(endpoint, endpoint.baseline, Map.of(), List.of(), Csrf.VALID, "baseline");
        send(endpoint, Map.of(), Map.of(), List.of(), Csrf.VALID, "no parameters");
        List<String> names = endpoint.parameterNames();
        // the million-character value goes to one parameter per endpoint, chosen by the seeded random
        String sampled = names.isEmpty() ? null : names.get(random.nextInt(names.size()));
        for (String name : names) {
            if (endpoint.fileFields.contains(name)) {
                sweepUpload(endpoint, name, name.equals(sampled));
                continue;
            }
            for (Value value : SweepValues.battery(random)) {
                send(endpoint, with(endpoint.baseline, name, List.of(value.text())), Map.of(), List.of(), Csrf.VALID,
                        name + " = " + value.label());
            }
            if (name.equals(sampled)) {
                send(endpoint, with(endpoint.baseline, name, List.of(SweepValues.MILLION.text())), Map.of(), List.of(),
                        Csrf.VALID, name + " = " + SweepValues.MILLION.label());
            }
            List<String> given = endpoint.baseline.getOrDefault(name, List.of("a"));
            send(endpoint, with(endpoint.baseline, name, List.of(given.get(0), "b", "")), Map.of(), List.of(), Csrf.VALID,
                    name + " = duplicated");
            for (String form : NAME_FORMS) {
                send(endpoint, with(endpoint.baseline, String.format(form, name), List.of("x")), Map.of(), List.of(),
                        Csrf.VALID, name + " = as " + String.format(form, name));
            }
            if (endpoint.baseline.containsKey(name)) {
                Map<String, List<String>> without = new LinkedHashMap<>(endpoint.baseline);
                without.remove(name);
                send(endpoint, without, Map.of(), List.of(), Csrf.VALID, name + " = missing");
            }
        }
        for (String variable : endpoint.variables()) {
            for (Value id : SweepValues.PATH_IDS) {
                send(endpoint, endpoint.baseline, Map.of(variable, id.text()), List.of(), Csrf.VALID,
                        "{" + variable + "} = " + id.label());
            }
        }
        if (!endpoint.isGet()) {
            send(endpoint, endpoint.baseline, Map.of(), List.of(), Csrf.MISSING, "CSRF token = missing");
            send(endpoint, endpoint.baseline, Map.of(), List.of(), Csrf.INVALID, "CSRF token = wrong");
        }
    }

    private void sweepUpload(SweepEndpoint endpoint, String name, boolean huge) throws Exception {
        List<Bytes> files = new ArrayList<>(SweepValues.files(random, huge));
        for (Value value : SweepValues.battery(random)) {
            files.add(new Bytes("file of " + value.label(), value.text().getBytes(StandardCharsets.UTF_8)));
        }
        for (Bytes file : files) {
            send(endpoint, endpoint.baseline, Map.of(), List.of(new MockMultipartFile(name, "upload.csv", "text/csv",
                    file.bytes())), Csrf.VALID, name + " = " + file.label());
        }
        for (SweepDownloads.Download download : downloads) {
            for (String label : INTO_DOWNLOADS) {
                byte[] changed = download.withValue(SweepValues.named(label).text());
                send(endpoint, endpoint.baseline, Map.of(), List.of(new MockMultipartFile(name, download.fileName(),
                        download.contentType(), changed)), Csrf.VALID, name + " = " + download.fileName() + " holding " + label);
            }
        }
        send(endpoint, with(endpoint.baseline, name, List.of("not a file")), Map.of(), List.of(), Csrf.VALID,
                name + " = text instead of a file");
    }

    private static Map<String, List<String>> with(Map<String, List<String>> baseline, String name, List<String> values) {
        Map<String, List<String>> params = new LinkedHashMap<>(baseline);
        params.put(name, values);
        return params;
    }

    private void send(SweepEndpoint endpoint, Map<String, List<String>> params, Map<String, String> pathIds,
            List<MockMultipartFile> files, Csrf token, String what) {
        URI uri = URI.create(endpoint.path(pathIds));
        AbstractMockHttpServletRequestBuilder<?> request;
        if (endpoint.multipart() && !endpoint.isGet()) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(uri);
            files.forEach(multipart::file);
            request = multipart;
        }
        else {
            request = MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method), uri);
            if (!endpoint.isGet()) {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            }
        }
        request.accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.ALL);
        params.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        roles.as(endpoint.role).ifPresent(request::with);
        if (!endpoint.isGet() && token != Csrf.MISSING) {
            request.with(token == Csrf.VALID ? csrf() : csrf().useInvalidToken());
        }
        ledger.before();
        SweepLedger.Outcome outcome;
        try {
            MvcResult result = mvc.perform(request).andReturn();
            outcome = new SweepLedger.Outcome(endpoint.method, result.getResponse().getStatus(),
                    result.getResponse().getRedirectedUrl(), result.getResponse().getContentType(),
                    result.getResponse().getContentAsString());
        }
        catch (Exception e) {
            ledger.fail(endpoint + " " + what, "threw " + e);
            outcome = new SweepLedger.Outcome(endpoint.method, 500, null, null, null);
        }
        ledger.after(endpoint, what, outcome);
    }
}

package org.counterspace.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Requests refused before Spring MVC sees them get a small calm page of our own, with the same
 * security headers as every page and nothing of the request repeated in it: those Tomcat refuses (a
 * broken path encoding, say) instead of Tomcat's report, and those Spring Security's firewall
 * refuses (a ';' or an encoded '.' in the path) instead of an error document that names the path.
 */
@Component
class RefusedRequestPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequestPage.class);

    private final String html;

    RefusedRequestPage(MessageSource messages, @Value("${server.servlet.context-path:}") String contextPath) {
        this.html = calmPage(messages, "4xx", contextPath);
    }

    /**
     * A small page in the site's colours with the error texts of {@code kind} ("4xx", "503"), for
     * answers written outside Spring MVC, where the layout's templates (and the session they may
     * need) are out of reach. Its links start with the app's configured context path: a refused
     * request's own may not be known.
     */
    static String calmPage(MessageSource messages, String kind, String contextPath) {
        String app = HtmlUtils.htmlEscape(contextPath, StandardCharsets.UTF_8.name());
        Locale locale = Locale.ENGLISH;
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(messages, "error." + kind + ".title", locale) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + app + "/assets/css/site.css\"></head><body>"
                + "<main id=\"main\" class=\"wrap\"><h1>" + text(messages, "error." + kind + ".heading", locale) + "</h1>"
                + "<p>" + text(messages, "error." + kind + ".text", locale) + "</p><ul class=\"error-links\">"
                + "<li><a href=\"" + app + "/\">" + text(messages, "error.links.home", locale) + "</a></li>"
                + "<li><a href=\"" + app + "/help\">" + text(messages, "layout.nav.help", locale) + "</a></li>"
                + "<li><a href=\"" + app + "/exit\">" + text(messages, "layout.exit", locale) + "</a></li>"
                + "</ul></main></body></html>";
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), StandardCharsets.UTF_8.name());
    }

    /** The headers Spring Security gives every page, for responses written outside its filters. */
    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", SecurityConfig.PERMISSIONS_POLICY);
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(CalmErrorReportValve.class.getName());
            host.getPipeline().addValve(new CalmErrorReportValve(html));
        });
    }

    /** Answered here rather than through /error, which would run the same refused request again. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Request {} refused by the firewall: {}", request.getMethod(), rejected.getMessage());
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        securityHeaders(response);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(html);
    }

    static final class CalmErrorReportValve extends ErrorReportValve {

        private final String html;

        CalmErrorReportValve(String html) {
            this.html = html;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                securityHeaders(response);
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(html);
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException e) {
                // the client has gone or the response is already on its way: nothing more to send
            }
        }
    }
}

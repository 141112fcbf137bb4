package org.counterspace.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Requests Tomcat refuses before Spring sees them (a broken path encoding, say) get a small calm
 * page of our own instead of Tomcat's report, with the same security headers as every page.
 */
@Component
class ConnectorErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String html;

    ConnectorErrorPage(MessageSource messages) {
        Locale locale = Locale.ENGLISH;
        this.html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(messages, "error.4xx.title", locale) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/css/site.css\"></head><body>"
                + "<main id=\"main\" class=\"wrap\"><h1>" + text(messages, "error.4xx.heading", locale) + "</h1>"
                + "<p>" + text(messages, "error.4xx.text", locale) + "</p><ul class=\"error-links\">"
                + "<li><a href=\"/\">" + text(messages, "error.links.home", locale) + "</a></li>"
                + "<li><a href=\"/help\">" + text(messages, "layout.nav.help", locale) + "</a></li>"
                + "<li><a href=\"/exit\">" + text(messages, "layout.exit", locale) + "</a></li>"
                + "</ul></main></body></html>";
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale));
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(CalmErrorReportValve.class.getName());
            host.getPipeline().addValve(new CalmErrorReportValve(html));
        });
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
                response.setHeader("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Cache-Control", "no-store");
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

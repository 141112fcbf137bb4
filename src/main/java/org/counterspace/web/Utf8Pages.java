package org.counterspace.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A rendered page reaches the socket as UTF-8 bytes encoded by {@link String#getBytes(Charset)}.
 * Thymeleaf hands the whole page to the response's writer as one string; Tomcat's writer encodes it
 * through a {@code CharsetEncoder}, whose loop turns slow at the page's first non-ASCII character (the
 * title's middle dot, curly quotes, dashes) and stays slow for the rest: about a tenth of a signed-in
 * page's CPU went there. The bytes, headers and charset sent are the same.
 */
@Configuration(proxyBeanMethods = false)
class Utf8Pages {

    @Bean
    static BeanPostProcessor utf8PageViews() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setViewClass(Utf8View.class);
                }
                return bean;
            }
        };
    }

    /** A Thymeleaf view whose response writes a UTF-8 page through {@link Utf8Writer}. */
    public static class Utf8View extends ThymeleafView {

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            super.render(model, request, new Utf8Response(response));
        }
    }

    /** Its writer encodes with {@link String#getBytes} when the page is UTF-8 (any other charset: the server's). */
    static final class Utf8Response extends HttpServletResponseWrapper {

        private PrintWriter writer;

        Utf8Response(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = StandardCharsets.UTF_8.name().equalsIgnoreCase(getCharacterEncoding())
                        ? new PrintWriter(new Utf8Writer(getOutputStream()), false)
                        : super.getWriter();
            }
            return writer;
        }
    }

    /** Encodes each write at once into the output stream; flushing and closing pass on. */
    static final class Utf8Writer extends Writer {

        private final OutputStream out;

        Utf8Writer(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            String part = offset == 0 && length == text.length() ? text : text.substring(offset, offset + length);
            out.write(part.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            out.write(new String(chars, offset, length).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}

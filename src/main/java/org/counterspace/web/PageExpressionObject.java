package org.counterspace.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.web.servlet.IServletWebExchange;
import org.unbescape.html.HtmlEscape;

/**
 * A helper templates reach as the expression object {@code #name}, built once for each page from the
 * page's request and response (so its links are the page's own: context path, discreet mode). An
 * expression object, not a bean reference, because Thymeleaf refuses bean references where it
 * restricts expressions.
 */
public abstract class PageExpressionObject implements IExpressionObjectDialect {

    private final String name;

    protected PageExpressionObject(String name) {
        this.name = name;
    }

    /**
     * The page being rendered: its template context, its exchange, the servlet response, and the request's
     * context path, read once (through every wrapper of the request) rather than for each link.
     */
    public record Page(IExpressionContext context, IServletWebExchange exchange, HttpServletResponse response,
            String contextPath) {

        /** {@code path} ("/checkins/…") as this page links to it, as {@code th:href} would write it. */
        public String link(String path) {
            return response.encodeURL(contextPath + path);
        }
    }

    /** Text escaped as {@code th:text} escapes it: the five characters that mean something in HTML, nothing else. */
    protected static String escape(String text) {
        return HtmlEscape.escapeHtml4Xml(text);
    }

    /** What {@code #name} is on this page. */
    protected abstract Object forPage(Page page);

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(name);
            }

            @Override
            public Object buildObject(IExpressionContext context, String objectName) {
                IServletWebExchange exchange = (IServletWebExchange) ((IWebContext) context).getExchange();
                HttpServletRequest request = (HttpServletRequest) exchange.getNativeRequestObject();
                return forPage(new Page(context, exchange, (HttpServletResponse) exchange.getNativeResponseObject(),
                        request.getContextPath()));
            }

            @Override
            public boolean isCacheable(String objectName) {
                return true;
            }
        };
    }
}

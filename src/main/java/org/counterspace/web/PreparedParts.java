package org.counterspace.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.IServletWebExchange;

/**
 * The parts of the layout that read the same for everyone in the same situation (the navigation,
 * header, footer: links and labels), rendered once and then inserted as prepared HTML
 * ({@code th:utext="${#prepared.html('fragments/prepared :: footer', discreet)}"}). Rendering them for every page was most of
 * a guide page's template work. Templates reach it as the expression object {@code #prepared} (a bean
 * reference is refused where Thymeleaf restricts expressions).
 * <p>
 * A part is a fragment ({@code template :: name}, like {@code templates/fragments/prepared.html}'s); it
 * reads nothing about the person but the values its caller passes (the variant: discreet mode, signed in, admin). A rendering is kept
 * per part, variant, locale and this page's link to the app's root, which holds the context path and
 * the way this response rewrites a link (discreet mode asked for in the query string adds a parameter
 * to every link), so a page gets exactly what rendering
 * the fragment itself would have given. Nothing that differs per request (a CSRF token, a name, a
 * notice) belongs in a part.
 * <p>
 * An item part ({@code #prepared.item('directory/fragments :: card', s)}) is one thing of a list, such as
 * a search result's card, keyed by the value it shows (a record, equal when everything the fragment
 * reads of it is): many more variants, kept apart from the layout's parts so they never push those out.
 */
@Component
public class PreparedParts extends PageExpressionObject {

    /** Variants are a handful of flags per part; more keys than this means something varies that should not. */
    static final int MAX_RENDERINGS = 256;

    /** Item parts kept: a few pages of results for each of the services searches show most. */
    static final int MAX_ITEM_RENDERINGS = 4096;

    private static final String FRAGMENT_SEPARATOR = "::";

    private final ObjectProvider<ITemplateEngine> engine;

    private final Map<List<Object>, String> renderings = new ConcurrentHashMap<>();

    private final Map<List<Object>, String> itemRenderings = new ConcurrentHashMap<>();

    PreparedParts(ObjectProvider<ITemplateEngine> engine) {
        super("prepared");
        this.engine = engine;
    }

    @Override
    protected Object forPage(Page page) {
        return new ForPage(page);
    }

    /** {@code #prepared} in a template: the parts for the page being rendered. */
    public final class ForPage {

        private final Page page;

        ForPage(Page page) {
            this.page = page;
        }

        /**
         * The part's HTML for this page. {@code part}: "template :: fragment"; {@code variant}: the values the
         * fragment reads, in its order.
         */
        public String html(String part, Object... variant) {
            return PreparedParts.this.html(page, renderings, MAX_RENDERINGS, part, variant);
        }

        /**
         * The HTML of one item of a list: the fragment {@code part} reads nothing but {@code item} (and
         * messages and links), and equal items show the same.
         */
        public String item(String part, Object item) {
            return PreparedParts.this.html(page, itemRenderings, MAX_ITEM_RENDERINGS, part, item);
        }
    }

    private String html(Page page, Map<List<Object>, String> kept, int max, String part, Object... variant) {
        List<Object> key = new ArrayList<>(variant.length + 3);
        key.add(part);
        key.add(page.context().getLocale());
        key.add(page.link("/"));
        for (Object value : variant) {
            key.add(value);
        }
        String rendering = kept.get(key);
        if (rendering != null) {
            return rendering;
        }
        String rendered = render(page.context(), page.exchange(), part);
        if (kept.size() >= max) {
            kept.clear();
        }
        kept.put(key, rendered);
        return rendered;
    }

    /** The fragment rendered with this page's variables, links and messages. */
    private String render(IExpressionContext context, IServletWebExchange exchange, String part) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : context.getVariableNames()) {
            variables.put(name, context.getVariable(name));
        }
        int separator = part.indexOf(FRAGMENT_SEPARATOR);
        return engine.getObject().process(part.substring(0, separator).strip(),
                Set.of(part.substring(separator + FRAGMENT_SEPARATOR.length()).strip()),
                new WebContext(exchange, context.getLocale(), variables));
    }
}

package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.HsdsJson.cut;
import static org.counterspace.directory.hsds.HsdsJson.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.counterspace.directory.Cost;
import org.counterspace.directory.Fees;

import tools.jackson.databind.JsonNode;

/**
 * What an HSDS service costs. Its {@code cost_options} decide when they give amounts: any amount
 * above 0 is paid (a service costing 35 a session is not free, even if free for some), amounts of 0
 * only are free. Else the fee text decides ({@link Cost#ofFeeText}); no fee at all is not known.
 * Without a fee text, the options are written as one, so the service page can say what it costs.
 */
final class HsdsCost {

    private HsdsCost() {
    }

    /** {@code said}: the cost our own extension names (a curator's word), or null. */
    static Fees fees(JsonNode r, Cost said) {
        String text = cut(text(r, "fees_description"), 1000);
        List<BigDecimal> amounts = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (JsonNode option : r.path("cost_options")) {
            BigDecimal amount = amount(option.path("amount"));
            if (amount != null) {
                amounts.add(amount);
            }
            options.add(describe(option, amount));
        }
        Cost cost = said != null ? said
                : amounts.stream().anyMatch(a -> a.signum() > 0) ? Cost.PAID
                : !amounts.isEmpty() ? Cost.FREE : Cost.ofFeeText(text);
        options.removeIf(String::isEmpty);
        return new Fees(text != null || options.isEmpty() ? text : cut(String.join("; ", options), 1000), cost);
    }

    private static BigDecimal amount(JsonNode amount) {
        if (amount.isNumber()) {
            return amount.decimalValue();
        }
        try {
            return amount.isString() ? new BigDecimal(amount.asString().strip()) : null;
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    /** "Per session: 35 GBP (reduced rates on request)", "Under 18s: free". */
    private static String describe(JsonNode option, BigDecimal amount) {
        StringBuilder said = new StringBuilder();
        if (text(option, "option") != null) {
            said.append(text(option, "option")).append(": ");
        }
        if (amount != null) {
            said.append(amount.signum() == 0 ? "free" : amount.stripTrailingZeros().toPlainString()
                    + (text(option, "currency") == null ? "" : " " + text(option, "currency")));
        }
        if (text(option, "amount_description") != null) {
            said.append(amount == null ? "" : " (").append(text(option, "amount_description"))
                .append(amount == null ? "" : ")");
        }
        return said.toString().replaceAll(": $", "").strip();
    }
}

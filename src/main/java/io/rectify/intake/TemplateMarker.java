package io.rectify.intake;

/**
 * The hidden marker every generated template carries: a very hidden sheet named {@link #SHEET}
 * whose column A holds keys and column B values, rows {@link #LEDGER_VERSION}, {@link #PERIOD}
 * and {@link #UNIT}. Written by the templates job, read by intake to judge template-outdated.
 */
public final class TemplateMarker {

    public static final String SHEET = "_rectify";
    public static final String LEDGER_VERSION = "ledgerVersion";
    public static final String PERIOD = "period";
    public static final String UNIT = "unitCode";

    private TemplateMarker() {
    }
}

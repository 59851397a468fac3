package io.rectify.ledger;

import io.rectify.ops.FileNames;
import java.time.YearMonth;

/** A responsible unit (责任单位) and the supervision group (督查组) that chases it. */
public record Unit(String code, String name, String group, String contact, String phone) {

    /**
     * The start of every file name made for the unit for a period, {@code <单位代码>-<单位名称>-<YYYY-MM>}
     * (its template, its receipt, its marked return), with every character that Windows, macOS or
     * Linux refuses in a file name replaced by an underscore.
     */
    public String fileStem(YearMonth period) {
        return FileNames.safe(code + "-" + this.name + "-" + period);
    }
}

package io.rectify.check;

/**
 * No ledger has been imported, so there is nothing to check a return against. The message is
 * Chinese, for the page a unit sees; the command line adds the English.
 */
public class NoLedger extends RuntimeException {

    NoLedger() {
        super("尚未导入整改台账，暂时无法检查报送表；请整改办先运行 import-ledger 导入台账。");
    }
}

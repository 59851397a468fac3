package io.rectify.audit;

/** What an audit event records (docs/PORTAL.md); {@link #word()} is how the office's audit page names it. */
public enum AuditAction {

    LOGIN("登录"),
    LOGOUT("退出"),
    PASSWORD_CHANGE("修改密码"),
    CHECK("检查报表"),
    UPLOAD("上传报表"),
    DOWNLOAD("下载"),
    RUN_START("启动汇总"),
    LEDGER_UPLOAD("上传台账"),
    ACCOUNTS_CREATE("创建账号"),
    ACCOUNT_RESET("重置密码"),
    ACCOUNT_UNLOCK("解除锁定"),
    ACCESS_DENIED("越权访问"),
    AUDIT_EXPORT("导出日志");

    private final String word;

    AuditAction(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}

package io.inkstone.audit;

import java.util.List;
import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/** The audit log page: one page of entries, the action filter, the next page's cursor. */
public record AuditPage(Ui ui, List<Channel> nav, List<AuditEntry> entries, String action, String next) {
}

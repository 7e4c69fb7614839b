package io.inkstone.audit;

import java.util.List;

/** The audit log page: one page of entries, the action filter, the next page's cursor. */
public record AuditPage(List<AuditEntry> entries, String action, String next) {
}

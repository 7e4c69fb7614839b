package io.inkstone.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.inkstone.audit.AuditEntry;
import io.inkstone.audit.AuditLog;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users console (admins only): find accounts, see their sign-ins, suspend and restore
 * them, reset their two-factor sign-in. Every change is checked here (the URL rule is not
 * the only guard) and written to the audit log in the same transaction.
 */
@Service
class AccountAdmin {

	static final int MAX_QUERY = 100;

	static final int LIST_SIZE = 50;

	static final int MAX_REASON = 500;

	private static final String ROW = "SELECT a.id, a.email, a.display_name, a.role, a.suspended_at,"
			+ " (SELECT COUNT(*) FROM account_two_factor t WHERE t.account_id = a.id) AS two_factor,"
			+ " (SELECT MAX(s.created_at) FROM account_sessions s WHERE s.account_id = a.id) AS last_sign_in"
			+ " FROM accounts a";

	private final JdbcClient jdbc;

	private final AccountRepository repository;

	private final AccountSessions sessions;

	private final AccountAuthenticationRefresh refresh;

	private final TwoFactor twoFactor;

	private final AuditLog audit;

	private final ObjectProvider<AccountDirectory> directory;

	private final Clock clock;

	AccountAdmin(JdbcClient jdbc, AccountRepository repository, AccountSessions sessions,
			AccountAuthenticationRefresh refresh, TwoFactor twoFactor, AuditLog audit,
			ObjectProvider<AccountDirectory> directory, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.sessions = sessions;
		this.refresh = refresh;
		this.twoFactor = twoFactor;
		this.audit = audit;
		this.directory = directory;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	private record Row(long id, String email, String displayName, String role, Long suspendedAt, long twoFactor,
			Long lastSignIn) {
	}

	private List<Row> rows(String where, Map<String, Object> params) {
		var spec = jdbc.sql(ROW + where);
		for (var param : params.entrySet()) {
			spec = spec.param(param.getKey(), param.getValue());
		}
		return spec.query((rs, n) -> {
			long suspended = rs.getLong(5);
			Long suspendedAt = rs.wasNull() ? null : suspended;
			long last = rs.getLong(7);
			Long lastSignIn = rs.wasNull() ? null : last;
			return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), suspendedAt, rs.getLong(6),
					lastSignIn);
		}).list();
	}

	private List<AccountPages.UserRow> withHandles(List<Row> rows) {
		AccountDirectory found = directory.getIfAvailable();
		Map<Long, String> handles = found == null ? Map.of() : found.handlesOf(rows.stream().map(Row::id).toList());
		return rows.stream()
			.map(r -> new AccountPages.UserRow(r.id(), r.email(), r.displayName(), handles.get(r.id()), r.role(),
					r.suspendedAt() != null, r.twoFactor() > 0, r.lastSignIn()))
			.toList();
	}

	/** The newest accounts, before any search. */
	List<AccountPages.UserRow> newest() {
		requireAdmin();
		return withHandles(rows(" ORDER BY a.id DESC LIMIT " + LIST_SIZE, Map.of()));
	}

	/**
	 * Accounts whose e-mail, nickname or creator handle contains the query
	 * (case-insensitive); a blank or overlong query is a 400 with the field's message.
	 */
	List<AccountPages.UserRow> search(String query) {
		requireAdmin();
		String q = query == null ? "" : query.strip();
		if (q.isEmpty() || q.length() > MAX_QUERY || q.chars().anyMatch(Character::isISOControl)) {
			throw new BadRequestException("users.error.query");
		}
		String pattern = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		AccountDirectory found = directory.getIfAvailable();
		List<Long> byHandle = found == null ? List.of() : found.accountsWithHandleLike(q, LIST_SIZE);
		String handleClause = byHandle.isEmpty() ? "" : " OR a.id IN (:ids)";
		Map<String, Object> params = byHandle.isEmpty() ? Map.of("p", pattern) : Map.of("p", pattern, "ids", byHandle);
		return withHandles(rows(" WHERE lower(a.email) LIKE :p ESCAPE '\\' OR lower(a.display_name) LIKE :p ESCAPE '\\'"
				+ handleClause + " ORDER BY a.id DESC LIMIT " + LIST_SIZE, params));
	}

	/** Everything the detail page shows of one account; 404 when there is none. */
	AccountPages.UserDetail detail(long accountId, AccountPages.UserDetail shell) {
		requireAdmin();
		List<Row> found = rows(" WHERE a.id = :id", Map.of("id", accountId));
		if (found.isEmpty()) {
			throw new NotFoundException("no account " + accountId);
		}
		record Extra(long createdAt, String suspendedReason) {
		}
		Extra extra = jdbc.sql("SELECT created_at, suspended_reason FROM accounts WHERE id = :id")
			.param("id", accountId)
			.query(Extra.class)
			.single();
		AccountPages.UserRow user = withHandles(found).get(0);
		return new AccountPages.UserDetail(user, extra.createdAt(), found.get(0).suspendedAt(), extra.suspendedReason(),
				sessions.history(accountId, LIST_SIZE), newestFirst(audit.forTarget("account", accountId)),
				SignedIn.current().orElseThrow().accountId() == accountId, shell.flash(), shell.errors());
	}

	/**
	 * Suspends an account: every session ends at once (on every node, remember-me
	 * included) and signing in is refused until an admin restores it. Not oneself.
	 */
	@Transactional
	void suspend(long accountId, String reason) {
		SignedIn me = requireAdmin();
		Account account = repository.findById(accountId).orElseThrow(() -> new NotFoundException("no account"));
		if (me.accountId() == accountId) {
			throw new BadRequestException("users.error.self");
		}
		String why = requireReason(reason);
		if (repository.suspend(accountId, why, clock.millis())) {
			// session times are the container's wall clock
			sessions.endOthers(accountId, null, clock.millis());
			refresh.forget(accountId);
			audit.record("account.suspend", "account", accountId, why, account.email());
		}
	}

	@Transactional
	void restore(long accountId) {
		requireAdmin();
		Account account = repository.findById(accountId).orElseThrow(() -> new NotFoundException("no account"));
		if (repository.restore(accountId)) {
			refresh.forget(accountId);
			audit.record("account.restore", "account", accountId, null, account.email());
		}
	}

	/**
	 * Turns off the account's two-factor sign-in (a lost phone and lost recovery codes):
	 * the owner signs in with the password and may set it up again.
	 */
	@Transactional
	void resetTwoFactor(long accountId, String reason) {
		requireAdmin();
		Account account = repository.findById(accountId).orElseThrow(() -> new NotFoundException("no account"));
		String why = requireReason(reason);
		if (twoFactor.disable(accountId)) {
			audit.record("account.two-factor-reset", "account", accountId, why, account.email());
		}
	}

	private static List<AuditEntry> newestFirst(List<AuditEntry> entries) {
		List<AuditEntry> copy = new ArrayList<>(entries);
		Collections.reverse(copy);
		return copy;
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
			throw new BadRequestException("problem.accounts.aReasonIsRequired");
		}
		return reason.strip();
	}

	private static SignedIn requireAdmin() {
		SignedIn me = SignedIn.current().orElseThrow(() -> new ForbiddenException("problem.accounts.adminsOnly"));
		if (!me.isAdmin()) {
			throw new ForbiddenException("problem.accounts.adminsOnly");
		}
		return me;
	}

}

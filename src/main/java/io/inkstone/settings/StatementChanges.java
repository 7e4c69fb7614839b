package io.inkstone.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.inkstone.audit.AuditLog;
import io.inkstone.governance.ModerationAction;
import io.inkstone.governance.StatementTemplates;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.SiteSettings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statement-of-reasons templates an admin edits: checked, stored in
 * {@link SiteSettings} (a text equal to the bundle's is stored as "default", so a later
 * release's wording still shows) with one audit entry per changed language (old → new),
 * in one transaction. Each save compares with the stored row, not this node's copy.
 */
@Service
class StatementChanges {

	private final SiteSettings settings;

	private final StatementTemplates templates;

	private final AuditLog audit;

	StatementChanges(SiteSettings settings, StatementTemplates templates, AuditLog audit) {
		this.settings = settings;
		this.templates = templates;
		this.audit = audit;
	}

	List<StatementsPage.Row> rows() {
		return StatementTemplates.actions()
			.stream()
			.map(a -> new StatementsPage.Row(a.code(), templates.current(a, "zh"), templates.current(a, "en"),
					templates.edited(a, "zh"), templates.edited(a, "en")))
			.toList();
	}

	/** The action whose templates are meant, if it sends a statement. */
	static Optional<ModerationAction> action(String code) {
		return ModerationAction.parse(code).filter(ModerationAction::needsStatement);
	}

	/** Field ({@code <action>.<language>}) → message key; empty when it may be stored. */
	static Map<String, String> check(ModerationAction action, Map<String, String> posted) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (String language : StatementTemplates.LANGUAGES) {
			Optional<String> text = StatementTemplates.clean(posted.get(language));
			String field = action.code() + "." + language;
			if (text.isEmpty()) {
				errors.put(field, "statements.error.blank");
			}
			else if (text.get().length() > StatementTemplates.MAX_LENGTH) {
				errors.put(field, "statements.error.length");
			}
		}
		return errors;
	}

	/**
	 * Stores a checked form's templates (language → text); returns the settings that
	 * changed.
	 */
	@Transactional
	public List<String> save(ModerationAction action, Map<String, String> posted) {
		SignedIn admin = requireAdmin();
		List<String> changed = new ArrayList<>();
		for (String language : StatementTemplates.LANGUAGES) {
			String text = StatementTemplates.clean(posted.get(language)).orElseThrow();
			put(admin, action, language, text.equals(templates.defaultText(action, language)) ? null : text, changed);
		}
		return changed;
	}

	/** Back to the bundle's texts; returns the settings that changed. */
	@Transactional
	public List<String> reset(ModerationAction action) {
		SignedIn admin = requireAdmin();
		List<String> changed = new ArrayList<>();
		for (String language : StatementTemplates.LANGUAGES) {
			put(admin, action, language, null, changed);
		}
		return changed;
	}

	private void put(SignedIn admin, ModerationAction action, String language, String value, List<String> changed) {
		String name = StatementTemplates.settingName(action, language);
		// compared with what is stored, not this node's copy: that may be a refresh
		// behind
		Optional<String> stored = settings.stored(name);
		if (Objects.equals(stored.orElse(null), value)) {
			return;
		}
		String old = stored.orElseGet(() -> templates.defaultText(action, language));
		String now = value == null ? templates.defaultText(action, language) : value;
		settings.put(name, value, admin.accountId());
		audit.record(admin.accountId(), admin.displayName(), SettingsChanges.AUDIT_ACTION, "setting", name, null,
				"「" + shorter(old) + "」 → 「" + shorter(now) + "」");
		changed.add(name);
	}

	/** Both texts fit the audit entry's details. */
	private static String shorter(String text) {
		return text.length() <= 900 ? text : text.substring(0, 899) + "…";
	}

	private static SignedIn requireAdmin() {
		SignedIn me = SignedIn.current().orElseThrow(() -> new ForbiddenException("problem.accounts.adminsOnly"));
		if (!me.isAdmin()) {
			throw new ForbiddenException("problem.accounts.adminsOnly");
		}
		return me;
	}

}

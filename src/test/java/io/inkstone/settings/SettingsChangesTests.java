package io.inkstone.settings;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.inkstone.articles.Articles;
import io.inkstone.audit.AuditLog;
import io.inkstone.channels.Channels;
import io.inkstone.governance.BadDomains;
import io.inkstone.governance.ComplianceProfile;
import io.inkstone.governance.SensitiveWords;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.SiteSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A settings save compares each value with the stored row, not with this node's copy:
 * here another node has just returned a setting to its default (the row is cleared) while
 * this node's copy still holds the old value, and the admin saves that old value again.
 * It must be written and audited, not skipped as unchanged.
 */
class SettingsChangesTests {

	static final long ADMIN = 7L;

	final SiteSettings settings = mock(SiteSettings.class);

	final ComplianceProfile compliance = mock(ComplianceProfile.class);

	final SensitiveWords words = mock(SensitiveWords.class);

	final BadDomains domains = mock(BadDomains.class);

	final AuditLog audit = mock(AuditLog.class);

	record Principal(SignedIn signedIn) implements SignedIn.HasSignedIn {
	}

	@BeforeEach
	void signInAsAdmin() {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(
					new Principal(new SignedIn(ADMIN, "admin@inkstone.test", "管理员", "ADMIN")), null));
		when(settings.stored(anyString())).thenReturn(Optional.empty());
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aSiteNameClearedElsewhereIsWrittenAgainWhenTheOldValueIsSaved() {
		// this node's copy: the name an admin set; the row: cleared on another node
		when(settings.siteName()).thenReturn("旧站名");
		when(settings.value(SiteSettings.SITE_NAME)).thenReturn(Optional.of("旧站名"));
		when(settings.disclaimer(false)).thenReturn("免责声明");
		when(settings.disclaimer(true)).thenReturn("Disclaimer");
		when(settings.zone()).thenReturn(ZoneId.of("Asia/Shanghai"));
		when(settings.defaultZone()).thenReturn(ZoneId.of("Asia/Shanghai"));
		when(compliance.name()).thenReturn("minimal");
		when(compliance.configured()).thenReturn("minimal");
		when(settings.configured(SiteSettings.SITE_NAME)).thenReturn(Optional.of("砚台"));
		when(settings.stored(SiteSettings.DISCLAIMER_ZH)).thenReturn(Optional.of("免责声明"));
		when(settings.stored(SiteSettings.DISCLAIMER_EN)).thenReturn(Optional.of("Disclaimer"));
		when(settings.stored(SiteSettings.TIME_ZONE)).thenReturn(Optional.of("Asia/Shanghai"));
		SettingsChanges changes = new SettingsChanges(settings, compliance, words, domains, audit,
				mock(Channels.class));

		List<String> changed = changes.save(new SettingsForm("旧站名", "免责声明", "Disclaimer", "Asia/Shanghai", "minimal"));

		assertThat(changed).containsExactly(SiteSettings.SITE_NAME);
		verify(settings).put(SiteSettings.SITE_NAME, "旧站名", ADMIN);
		verify(settings, never()).put(eq(SiteSettings.DISCLAIMER_ZH), any(), any());
		verify(audit).record(eq(ADMIN), eq("管理员"), eq(SettingsChanges.AUDIT_ACTION), eq("setting"),
				eq(SiteSettings.SITE_NAME), isNull(), eq("「砚台」 → 「旧站名」"));
	}

	@Test
	void aWordListClearedElsewhereIsWrittenAgainWhenTheOldListIsSaved() {
		when(words.terms()).thenReturn(List.of("旧词"));
		when(words.configuredTerms()).thenReturn(List.of("默认词"));
		when(domains.list()).thenReturn(List.of("spam.example"));
		when(domains.configured()).thenReturn(List.of());
		when(settings.stored(SiteSettings.BAD_DOMAINS)).thenReturn(Optional.of("spam.example"));
		SettingsChanges changes = new SettingsChanges(settings, compliance, words, domains, audit,
				mock(Channels.class));

		List<String> changed = changes.save(new ReviewListsForm("旧词", "spam.example"));

		assertThat(changed).containsExactly(SiteSettings.SENSITIVE_WORDS);
		verify(settings).put(SiteSettings.SENSITIVE_WORDS, "旧词", ADMIN);
		verify(audit).record(eq(ADMIN), eq("管理员"), eq(SettingsChanges.AUDIT_ACTION), eq("setting"),
				eq(SiteSettings.SENSITIVE_WORDS), isNull(), contains("+旧词"));
	}

	@Test
	void aDutyChoiceClearedElsewhereIsWrittenAgainWhenTheOldChoiceIsSaved() {
		// this node still sees the admin's "on"; the row went back to "as the profile
		// says"
		when(compliance.adminOverride(anyString())).thenReturn(Optional.empty());
		when(compliance.adminOverride("hold-flagged")).thenReturn(Optional.of(true));
		ConsoleSettings console = new ConsoleSettings(settings, compliance, mock(Channels.class), mock(Articles.class),
				audit);

		List<String> changed = console.save(new DutyOverridesForm("profile", "on", "profile", "profile"));

		assertThat(changed).containsExactly("hold-flagged");
		verify(settings).put(ComplianceProfile.OVERRIDE_PREFIX + "hold-flagged", "true", ADMIN);
		verify(audit).record(eq(ADMIN), eq("管理员"), eq(SettingsChanges.AUDIT_ACTION), eq("setting"),
				eq(ComplianceProfile.OVERRIDE_PREFIX + "hold-flagged"), isNull(), eq("「profile」 → 「on」"));
	}

}

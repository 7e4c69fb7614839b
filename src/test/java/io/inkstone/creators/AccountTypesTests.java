package io.inkstone.creators;

import java.util.Locale;

import io.inkstone.support.Bundles;
import io.inkstone.web.ReaderMode;
import io.inkstone.web.Ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account types are stored codes; a reader reads their labels from the bundles, in
 * the reader's language (the Chinese label is the code itself).
 */
class AccountTypesTests {

	private static Ui ui(Locale locale) {
		return new Ui(Bundles.messages(), locale, ReaderMode.STANDARD, null, "/", "砚", null);
	}

	@Test
	void everyAccountTypeHasItsLabelInEachLanguage() {
		assertThat(AccountTypes.CODES.stream().map(code -> ui(Locale.ENGLISH).label(AccountTypes.LABEL_PREFIX, code)))
			.containsExactly("Individual", "Media", "Institution", "Company");
		assertThat(AccountTypes.CODES.stream()
			.map(code -> ui(Locale.SIMPLIFIED_CHINESE).label(AccountTypes.LABEL_PREFIX, code)))
			.containsExactlyElementsOf(AccountTypes.CODES);
	}

	@Test
	void institutionsAndCompaniesAreOrganisations() {
		assertThat(AccountTypes.CODES.stream().filter(AccountTypes::organisation))
			.containsExactly(AccountTypes.INSTITUTION, AccountTypes.ENTERPRISE);
	}

}

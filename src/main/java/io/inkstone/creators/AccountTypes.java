package io.inkstone.creators;

import java.util.List;

/**
 * The kinds of creator account (申请入驻): codes stored in the database and given by the API
 * as they are, never words to show. A person reads the bundle's label of a code,
 * {@code creator.accountType.<code>} ({@link #LABEL_PREFIX}; in a template
 * {@code ui.label(AccountTypes.LABEL_PREFIX, code)}).
 */
public final class AccountTypes {

	public static final String PERSONAL = "个人";

	public static final String MEDIA = "媒体";

	public static final String INSTITUTION = "机构";

	public static final String ENTERPRISE = "企业";

	/** Every code, in the order a form offers them. */
	public static final List<String> CODES = List.of(PERSONAL, MEDIA, INSTITUTION, ENTERPRISE);

	/** The bundle key of a code's label is this prefix and the code. */
	public static final String LABEL_PREFIX = "creator.accountType.";

	private AccountTypes() {
	}

	/**
	 * Whether the account is an organisation's (机构, 企业), which names its entity and
	 * credit code.
	 */
	public static boolean organisation(String code) {
		return INSTITUTION.equals(code) || ENTERPRISE.equals(code);
	}

}

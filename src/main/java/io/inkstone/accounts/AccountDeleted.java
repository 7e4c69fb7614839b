package io.inkstone.accounts;

/**
 * An account was deleted (注销). Listeners remove the personal data they hold and anonymise
 * what must stay public (comments). Delivered in the deleting transaction: all of it
 * happens, or none.
 */
public record AccountDeleted(long accountId, String readerKey) {
}

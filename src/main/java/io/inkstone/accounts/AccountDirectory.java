package io.inkstone.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the accounts module asks of the modules above it (implemented by creators, which
 * depends on accounts): the IP属地 of an address a session signed in from, and the creator
 * handles of accounts, for the users console. Without an implementation regions are
 * unknown and accounts have no handles.
 */
public interface AccountDirectory {

	/** The region (province or country) of a client address; never stores the address. */
	String regionOf(String address);

	/** The creator handle of each account that has a creator profile. */
	Map<Long, String> handlesOf(Collection<Long> accountIds);

	/** Accounts whose creator handle contains {@code fragment} (case-insensitive). */
	List<Long> accountsWithHandleLike(String fragment, int limit);

}

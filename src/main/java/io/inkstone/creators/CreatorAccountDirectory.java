package io.inkstone.creators;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.inkstone.accounts.AccountDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts module's view of creators: handles for the users console and the IP属地 of
 * sign-ins ({@link IpRegions}).
 */
@Component
class CreatorAccountDirectory implements AccountDirectory {

	private final JdbcClient jdbc;

	private final IpRegions regions;

	CreatorAccountDirectory(JdbcClient jdbc, IpRegions regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	@Override
	public String regionOf(String address) {
		return regions.regionOf(address);
	}

	@Override
	public Map<Long, String> handlesOf(Collection<Long> accountIds) {
		Map<Long, String> handles = new HashMap<>();
		if (!accountIds.isEmpty()) {
			jdbc.sql("SELECT account_id, handle FROM creators WHERE account_id IN (:ids)")
				.param("ids", accountIds)
				.query((rs, n) -> handles.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return handles;
	}

	@Override
	public List<Long> accountsWithHandleLike(String fragment, int limit) {
		String pattern = "%"
				+ fragment.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc
			.sql("SELECT account_id FROM creators WHERE account_id IS NOT NULL AND lower(handle) LIKE :p ESCAPE '\\'"
					+ " ORDER BY account_id LIMIT :n")
			.param("p", pattern)
			.param("n", limit)
			.query(Long.class)
			.list();
	}

}

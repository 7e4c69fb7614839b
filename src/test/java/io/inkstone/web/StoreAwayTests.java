package io.inkstone.web;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are a store away for a moment (503, retry) rather than a bug (500). */
class StoreAwayTests {

	@Test
	void redisNotConnectedOrADatabaseWithoutConnectionsIsAway() {
		assertThat(ErrorPages
			.storeAway(new RedisSystemException("Redis exception", new RedisException("Currently not connected."))))
			.isTrue();
		assertThat(ErrorPages.storeAway(new CannotGetJdbcConnectionException("no connection"))).isTrue();
		assertThat(ErrorPages.storeAway(new QueryTimeoutException("Redis command timed out"))).isTrue();
	}

	@Test
	void redisAnsweringWithAnErrorOrAnyOtherFailureIsNot() {
		assertThat(ErrorPages.storeAway(new RedisSystemException("Error in execution",
				new RedisCommandExecutionException("WRONGTYPE Operation against a key holding the wrong kind"))))
			.isFalse();
		assertThat(ErrorPages.storeAway(new IllegalStateException("a bug"))).isFalse();
	}

}

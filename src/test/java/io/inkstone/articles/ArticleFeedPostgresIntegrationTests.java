package io.inkstone.articles;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The change feed and its listeners on PostgreSQL (a fresh database per run on
 * 127.0.0.1:5432).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ArticleFeedContract.Recording.class)
class ArticleFeedPostgresIntegrationTests extends ArticleFeedContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Databases.freshPostgresSite(registry);
	}

}

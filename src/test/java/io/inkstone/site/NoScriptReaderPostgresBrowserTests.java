package io.inkstone.site;

import io.inkstone.support.Databases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reader actions without JavaScript in Chromium, on PostgreSQL (a fresh database). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "inkstone.pages.ttl=1s")
class NoScriptReaderPostgresBrowserTests extends NoScriptReaderContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Databases.freshPostgresSite(registry);
	}

}

package io.inkstone.site;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.inkstone.articles.ArticleChangeCommitted;
import io.inkstone.discovery.HotList;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The CDN purge hook, against a local fake: what changed is posted, a hook that fails
 * loses nothing here.
 */
class SharedPagePurgesTests {

	@Test
	void articleChangesAndHotListMovesArePostedToTheHook() throws Exception {
		List<String> bodies = new CopyOnWriteArrayList<>();
		HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		fake.createContext("/purge", exchange -> {
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		fake.start();
		try {
			PageStoreProperties properties = new PageStoreProperties(true, DataSize.ofMegabytes(1),
					Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30),
					"http://127.0.0.1:" + fake.getAddress().getPort() + "/purge");
			SharedPageStore store = new SharedPageStore(properties, new FixedLocaleResolver(),
					new SimpleMeterRegistry());
			HotList hot = mock(HotList.class);
			when(hot.version()).thenReturn(1);
			SharedPageConfig.Purges purges = new SharedPageConfig.Purges(store, hot, properties);
			purges.followHotList(); // the first look at the hot list
			bodies.clear();
			purges.on(new ArticleChangeCommitted(42, 7, 3));
			purges.followHotList();
			assertThat(bodies).hasSize(1);
			assertThat(bodies.get(0)).contains("\"/articles/42\"").contains("\"/\"");
			purges.followHotList();
			assertThat(bodies).as("nothing changed, nothing sent").hasSize(1);
			when(hot.version()).thenReturn(2);
			purges.followHotList();
			assertThat(bodies).hasSize(2);
			fake.stop(0);
			purges.on(new ArticleChangeCommitted(43, 7, 3));
			purges.followHotList(); // the hook is down: logged, no exception
		}
		finally {
			fake.stop(0);
		}
	}

}

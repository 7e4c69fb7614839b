package io.inkstone.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;

import io.inkstone.articles.ArticleChangeCommitted;
import io.inkstone.discovery.CoReads;
import io.inkstone.engagement.CommentsChanged;
import io.inkstone.discovery.HotList;
import io.inkstone.discovery.SearchIndexChanged;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.ObjectMapper;
import io.inkstone.creators.CreatorProfileChanged;
import io.inkstone.shared.SiteSettingsChanged;
import java.io.IOException;
import java.util.Map;

/**
 * Registers the {@link SharedPageStore} right after the input check, ahead of Spring
 * Security.
 */
@Configuration(proxyBeanMethods = false)
class SharedPageConfig {

	@Bean
	SharedPageStore sharedPageStore(PageStoreProperties properties, LocaleResolver locales, MeterRegistry meters) {
		return new SharedPageStore(properties, locales, meters);
	}

	@Bean
	FilterRegistrationBean<SharedPageStore> sharedPageStoreRegistration(SharedPageStore store) {
		FilterRegistrationBean<SharedPageStore> registration = new FilterRegistrationBean<>(store);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * Purges the store after every committed article change (publish, edit, takedown,
	 * delete — from this node at once, from other nodes and the import command through
	 * the change feed within a second) and whenever the hot list moves; tells a
	 * configured CDN purge hook which paths changed.
	 */
	@Component
	static class Purges {

		private static final Logger log = LoggerFactory.getLogger(Purges.class);

		private final SharedPageStore store;

		private final HotList hot;

		private final PageStoreProperties properties;

		private final AtomicInteger hotVersion = new AtomicInteger(Integer.MIN_VALUE);

		private final Set<String> pendingPaths = ConcurrentHashMap.newKeySet();

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		private static final ObjectMapper JSON = new ObjectMapper();

		Purges(SharedPageStore store, HotList hot, PageStoreProperties properties) {
			this.store = store;
			this.hot = hot;
			this.properties = properties;
		}

		/**
		 * After the change commits (the event is only published then): a purge before it
		 * would let a concurrent render store the old page again.
		 */
		@EventListener
		void on(ArticleChangeCommitted changed) {
			purge(changed);
		}

		/**
		 * An article's comments changed (announced after the commit): its page only; live
		 * numbers are never stored.
		 */
		@EventListener
		void on(CommentsChanged changed) {
			String page = "/articles/" + changed.articleId();
			store.purge(page);
			if (!properties.purgeUrl().isBlank()) {
				pendingPaths.add(page);
			}
		}

		/** Creator cards show the tagline and avatar. */
		@EventListener
		void on(CreatorProfileChanged changed) {
			store.purge();
		}

		/**
		 * Every page shows the site name, article pages the disclaimer, times are in the
		 * site's zone: an admin's change (on any node) drops them all.
		 */
		@EventListener
		void on(SiteSettingsChanged changed) {
			store.purge();
			if (!properties.purgeUrl().isBlank()) {
				pendingPaths.add("/");
			}
		}

		/**
		 * Related lists change when the search index takes a change (a moment after it
		 * committed).
		 */
		@EventListener
		void on(SearchIndexChanged changed) {
			store.purge();
		}

		/** Related lists change when co-reads are flushed. */
		@EventListener
		void on(CoReads.CoReadsChanged changed) {
			store.purge();
		}

		private void purge(ArticleChangeCommitted changed) {
			store.purge();
			if (!properties.purgeUrl().isBlank()) {
				pendingPaths.addAll(List.of("/", "/articles/" + changed.id(), "/channels/", "/creators/", "/tags/"));
			}
		}

		@Scheduled(fixedDelay = 500)
		void followHotList() {
			int now = hot.version();
			if (hotVersion.getAndSet(now) != now) {
				store.purge();
				if (!properties.purgeUrl().isBlank()) {
					pendingPaths.add("/");
				}
			}
			sendPurges();
		}

		/**
		 * One POST per half second at most to the CDN hook: {"paths": [...]} where a path
		 * ending in "/" stands for every page under it. A hook that fails is logged;
		 * shared caches still expire after s-maxage.
		 */
		private void sendPurges() {
			if (pendingPaths.isEmpty() || properties.purgeUrl().isBlank()) {
				return;
			}
			List<String> paths = List.copyOf(pendingPaths);
			pendingPaths.removeAll(paths);
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create(properties.purgeUrl()))
					.timeout(Duration.ofSeconds(5))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("paths", paths))))
					.build();
				int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status >= 300) {
					log.warn("CDN purge hook answered {} for {} paths", status, paths.size());
				}
			}
			catch (IOException | RuntimeException ex) {
				log.warn("CDN purge hook failed: {}", ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}

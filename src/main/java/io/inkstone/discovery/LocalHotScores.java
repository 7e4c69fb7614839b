package io.inkstone.discovery;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Embedded mode: scores in memory, persisted to {@code hot_scores} every flush interval and at shutdown. */
@Component
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "embedded", matchIfMissing = true)
class LocalHotScores implements HotScores {

	private final HotScoreRepository repository;

	private final TransactionTemplate tx;

	private final Map<Long, Score> scores = new ConcurrentHashMap<>();

	private final Set<Long> dirty = ConcurrentHashMap.newKeySet();

	LocalHotScores(HotScoreRepository repository, TransactionTemplate tx) {
		this.repository = repository;
		this.tx = tx;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		for (Score row : repository.top(20_000)) {
			scores.put(row.articleId(), row);
		}
	}

	@Override
	public void add(long articleId, long channelId, double logWeight) {
		scores.merge(articleId, new Score(articleId, channelId, logWeight),
				(old, n) -> new Score(articleId, old.channelId(), ForwardDecay.logAdd(old.logScore(), logWeight)));
		dirty.add(articleId);
	}

	@Override
	public Map<Long, Score> top(int limit) {
		Map<Long, Score> top = new LinkedHashMap<>();
		scores.values()
			.stream()
			.sorted(Comparator.comparingDouble(Score::logScore).reversed())
			.limit(limit)
			.forEach(s -> top.put(s.articleId(), s));
		return top;
	}

	@Scheduled(fixedDelayString = "${inkstone.counters.flush-interval}")
	void persist() {
		if (dirty.isEmpty()) {
			return;
		}
		Map<Long, Score> batch = new HashMap<>();
		for (Long id : List.copyOf(dirty)) {
			dirty.remove(id);
			Score row = scores.get(id);
			if (row != null) {
				batch.put(id, row);
			}
		}
		try {
			tx.executeWithoutResult(s -> repository.save(batch.values(), System.currentTimeMillis()));
		}
		catch (RuntimeException ex) {
			dirty.addAll(batch.keySet());
		}
	}

	@PreDestroy
	void persistOnShutdown() {
		persist();
	}

}

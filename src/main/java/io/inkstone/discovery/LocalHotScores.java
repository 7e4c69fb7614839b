package io.inkstone.discovery;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import jakarta.annotation.PreDestroy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Embedded mode: scores in memory, persisted to {@code hot_scores} every flush interval
 * and at shutdown.
 */
@Component
@ConditionalOnProperty(name = "inkstone.mode", havingValue = "embedded", matchIfMissing = true)
class LocalHotScores implements HotScores {

	/**
	 * How many of each channel's strongest scores are reloaded at start; weaker ones
	 * cannot reach a list.
	 */
	static final int PERSISTED_PER_CHANNEL = 5_000;

	private final HotScoreRepository repository;

	private final TransactionTemplate tx;

	private final Map<Long, Score> scores = new ConcurrentHashMap<>();

	private final Set<Long> dirty = ConcurrentHashMap.newKeySet();

	private final Clock clock;

	LocalHotScores(HotScoreRepository repository, TransactionTemplate tx, Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.tx = tx;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		for (Score row : repository.topPerChannel(PERSISTED_PER_CHANNEL)) {
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
	public Map<Long, Score> top(int overall, int perChannel, ToDoubleFunction<Score> logValueNow) {
		return HotScores.select(scores.values(), overall, perChannel, logValueNow);
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
			tx.executeWithoutResult(s -> repository.save(batch.values(), clock.millis()));
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

package io.inkstone.discovery;

import java.util.List;

import java.util.Map;

/** The /algorithms page model: the live ranking parameters. */
public record AlgorithmDisclosure(double halfLifeHours, double readWeight, double shareWeight, double likeWeight,
		double publishWeight, int maxPerCreator, int titleBoost, int candidates,
		List<HotAdminPage.Intervention> interventions, Map<String, Double> channelHalfLifeHours,
		long relatedFreshnessPercent, double relatedFreshnessHalfLifeDays) {
}

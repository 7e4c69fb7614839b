package io.inkstone.discovery;

import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirInUseFailureAnalyzerTests {

	@Test
	void aSecondInstanceOnTheSameDataDirIsToldSoInOneLine() {
		LockObtainFailedException lucene = new LockObtainFailedException(
				"Lock held by another program: /var/lib/inkstone/index/write.lock");
		FailureAnalysis analysis = new DataDirInUseFailureAnalyzer()
			.analyze(new BeanCreationException("searchIndex", "failed", lucene));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("another Inkstone is already running on /var/lib/inkstone");
		assertThat(analysis.getDescription()).doesNotContain("\n");
	}

	@Test
	void aLockBelowTheIndexNamesTheDataDirToo() {
		assertThat(DataDirInUseFailureAnalyzer
			.description("Lock held by this virtual machine: /data/site/index/suggestions/write.lock"))
			.isEqualTo("another Inkstone is already running on /data/site");
	}

}

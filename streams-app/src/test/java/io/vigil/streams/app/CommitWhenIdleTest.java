package io.vigil.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitWhenIdleTest {
    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private CommitWhenIdle commits;

    @BeforeEach
    void schedule() {
        commits = CommitWhenIdle.schedule(context, Duration.ofMillis(100));
    }

    @Test
    void checksOnTheWallClockAtTheGivenInterval() {
        var punctuator = context.scheduledPunctuators().get(0);
        assertThat(punctuator.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
        assertThat(punctuator.getInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aTaskThatKeepsProcessingIsLeftToTheCommitInterval() {
        for (int i = 0; i < 5; i++) {
            commits.processed();
            check();
        }
        assertThat(context.committed()).isFalse();
    }

    @Test
    void aTaskWhoseInputPausedCommitsOnTheNextCheck() {
        commits.processed();
        check();
        assertThat(context.committed()).isFalse();
        check();
        assertThat(context.committed()).isTrue();
    }

    @Test
    void anIdleTaskWithNothingNewAsksForNoCommit() {
        check();
        check();
        assertThat(context.committed()).isFalse();
        commits.processed();
        check();
        check();
        context.resetCommit();
        check();
        check();
        assertThat(context.committed()).isFalse();
    }

    private void check() {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(0);
    }
}

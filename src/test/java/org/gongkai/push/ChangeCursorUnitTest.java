package org.gongkai.push;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cursor over numbered changes that may become visible out of order. */
class ChangeCursorUnitTest {
    private static final long GAP = 30_000;
    private static final long LATE = 600_000;

    private static ChangeCursor from(long start, List<Long> missing) {
        return new ChangeCursor(start, missing, 0, GAP, LATE);
    }

    @Test
    void numbersInOrderMoveTheSafeVersionAlong() {
        ChangeCursor c = from(0, List.of());
        assertThat(c.accept(List.of(1L, 2L, 3L), 1)).containsExactly(1L, 2L, 3L);
        assertThat(c.safe()).isEqualTo(3);
        assertThat(c.readAboveSafe()).isZero();
    }

    @Test
    void aLaterNumberCommittedFirstIsDeliveredButTheSafeVersionWaitsForTheEarlierOne() {
        ChangeCursor c = from(40, List.of());
        assertThat(c.accept(List.of(42L), 1)).containsExactly(42L);
        assertThat(c.safe()).isEqualTo(40);
        assertThat(c.accept(List.of(42L), 2)).as("read again while 41 is missing").isEmpty();
        assertThat(c.readAboveSafe()).isEqualTo(1);
        assertThat(c.accept(List.of(41L, 42L), 3)).containsExactly(41L);
        assertThat(c.safe()).isEqualTo(42);
        assertThat(c.readAboveSafe()).isZero();
    }

    @Test
    void aNumberMissingLongerThanTheGapTimeoutIsGivenUpButStillDeliveredIfItComesLate() {
        ChangeCursor c = from(40, List.of());
        c.accept(List.of(42L, 43L), 1_000);
        assertThat(c.accept(List.of(42L, 43L), 1_000 + GAP - 1)).isEmpty();
        assertThat(c.safe()).isEqualTo(40);
        assertThat(c.accept(List.of(42L, 43L), 1_000 + GAP)).isEmpty();
        assertThat(c.safe()).isEqualTo(43);
        assertThat(c.late(1_000 + GAP)).containsExactly(41L);
        assertThat(c.accept(List.of(41L), 2_000 + GAP)).as("the slow transaction's change").containsExactly(41L);
        assertThat(c.late(2_000 + GAP)).isEmpty();
        assertThat(c.accept(List.of(41L), 3_000 + GAP)).as("delivered once").isEmpty();
    }

    @Test
    void aGapIsTimedFromTheFirstNumberReadAboveIt() {
        ChangeCursor c = from(0, List.of());
        c.accept(List.of(2L), 0);
        c.accept(List.of(2L, 4L), GAP - 10);
        c.accept(List.of(2L, 4L), GAP);
        assertThat(c.safe()).as("1 waited long enough; 3 was first missed later").isEqualTo(2);
        c.accept(List.of(4L), 2 * GAP - 10);
        assertThat(c.safe()).isEqualTo(4);
        assertThat(c.late(2 * GAP)).containsExactly(1L, 3L);
    }

    @Test
    void numbersMissingAtStartAreLookedForUntilTheLateWindowEnds() {
        ChangeCursor c = from(10, List.of(7L, 9L));
        assertThat(c.late(1)).containsExactly(7L, 9L);
        assertThat(c.accept(List.of(9L), 2)).containsExactly(9L);
        assertThat(c.late(LATE + 1)).as("forgotten after the late window").isEmpty();
        assertThat(c.accept(List.of(7L), LATE + 2)).isEmpty();
        assertThat(c.safe()).isEqualTo(10);
    }
}

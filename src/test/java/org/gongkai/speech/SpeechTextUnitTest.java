package org.gongkai.speech;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server's voice says: telephone numbers digit by digit, and parts short enough to start at once. */
class SpeechTextUnitTest {

    @Test
    void telephoneNumbersAreSpelledAndAmountsYearsAndDatesAreNot() {
        assertThat(SpeechText.spellNumbers("咨询电话：0000-5551234")).isEqualTo("咨询电话：0 0 0 0 5 5 5 1 2 3 4");
        assertThat(SpeechText.spellNumbers("拨打12345反映")).isEqualTo("拨打1 2 3 4 5反映");
        assertThat(SpeechText.spellNumbers("12345热线")).isEqualTo("1 2 3 4 5热线");
        assertThat(SpeechText.spellNumbers("服务电话 400-800-1234")).isEqualTo("服务电话 4 0 0 8 0 0 1 2 3 4");
        assertThat(SpeechText.spellNumbers("补贴15000元，2026年起，自2026-11-18施行"))
                .isEqualTo("补贴15000元，2026年起，自2026-11-18施行");
    }

    @Test
    void theFirstPartIsTheFirstSentenceAloneAndNoPartIsLongerThanTheLimit() {
        String longSentence = "申请人应当携带身份证、户口簿、结婚证、房产证明、收入证明、银行卡、近期免冠照片、委托书、"
                .repeat(4) + "到窗口办理。";
        List<String> parts = SpeechText.pack(List.of("城乡居民养老保险参保登记。", "为符合条件的居民办理参保。", longSentence,
                "办公时间，工作日上午九点至下午五点。"));
        assertThat(parts.get(0)).isEqualTo("城乡居民养老保险参保登记。");
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(SpeechText.PART_CHARS));
        assertThat(String.join("", parts)).isEqualTo("城乡居民养老保险参保登记。为符合条件的居民办理参保。" + longSentence
                + "办公时间，工作日上午九点至下午五点。");
    }
}

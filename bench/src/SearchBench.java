import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStatus;
import org.gongkai.search.SearchIndex;
import org.gongkai.search.SynonymsLoader;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Search benchmark: builds the search index the server uses (org.gongkai.search.SearchIndex) over N generated
 * items with realistic Chinese titles, summaries and bodies, then times queries in the mix a touchscreen sends:
 * Chinese words, pinyin initials and full pinyin. Times are of SearchIndex.search, in this JVM.
 *
 * Usage: java -cp target/gongkai.jar:CLASSES SearchBench ITEMS QUERIES
 */
public final class SearchBench {
    static final String[] WHO = {"城乡居民", "个体工商户", "小微企业", "老年人", "残疾人", "农村低收入人口", "高校毕业生",
            "退役军人", "新就业形态劳动者", "困难职工", "留守儿童", "失业人员", "外来务工人员", "城镇职工"};
    static final String[] WHAT = {"养老保险", "医疗保险", "失业保险", "最低生活保障", "住房公积金", "营业执照", "义务教育入学",
            "就业补贴", "创业担保贷款", "临时救助", "不动产登记", "户口迁移", "出生登记", "婚姻登记", "社会保障卡",
            "职业技能培训", "农村危房改造", "高龄津贴", "医疗救助", "残疾人两项补贴", "特困人员供养", "公租房", "食品经营许可"};
    static final String[] ACT = {"参保登记", "申请", "办事指南", "变更登记", "注销", "补贴发放公示", "的通知", "政策解读",
            "实施办法", "待遇调整", "资格认定", "年度审核结果公示"};
    static final String[] PLACE = {"城关镇", "东城街道", "西河乡", "南山镇", "北湖街道", "县政务服务中心", "经济开发区"};
    static final String[] SENTENCES = {
            "根据有关规定，现将办理条件、所需材料和办理流程公告如下。",
            "申请人可通过政务服务网或者到县政务服务中心窗口提交申请，材料齐全的当场受理。",
            "对公示内容有异议的，可在公示期内向主管部门书面反映，并提供相关证明材料。",
            "本政策自发布之日起施行，有效期三年，由县人力资源和社会保障局负责解释。",
            "咨询电话请拨打政务服务热线12345，工作日上午8时30分至12时，下午2时30分至5时30分。"};
    static final String[] QUERIES = {"养老保险", "营业执照 办理", "低保 申请", "公积金", "残疾人 补贴", "医疗救助", "户口迁移",
            "创业担保贷款", "高龄津贴 公示", "婚姻登记", "ylbx", "yyzz", "zfgjj", "dbsq", "hkqy", "cjr", "yanglaobaoxian",
            "gongjijin", "yiliaojiuzhu", "hunyindengji"};

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Random random = new Random(42);
        OffsetDateTime created = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
        try (SearchIndex index = new SearchIndex(SynonymsLoader.builtIn())) {
            long t = System.nanoTime();
            List<Item> batch = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                batch.add(item(i, random, created));
                if (batch.size() == 1000) {
                    index.update(batch);
                    batch.clear();
                }
            }
            index.update(batch);
            double buildSeconds = (System.nanoTime() - t) / 1e9;
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "indexed %,d items in %.1f s; heap in use after GC: %.0f MB%n", n, buildSeconds,
                    (rt.totalMemory() - rt.freeMemory()) / 1e6);

            Instant now = Instant.parse("2026-11-23T12:00:00Z");
            for (int i = 0; i < 300; i++) index.search(QUERIES[i % QUERIES.length], null, now, 0, 20); // warm-up
            long[] nanos = new long[queries];
            long totalHits = 0;
            for (int i = 0; i < queries; i++) {
                String q = QUERIES[random.nextInt(QUERIES.length)];
                long s = System.nanoTime();
                SearchIndex.Result r = index.search(q, null, now, 0, 20);
                nanos[i] = System.nanoTime() - s;
                totalHits += r.total();
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%,d queries (%d kinds: Chinese words, pinyin initials, full pinyin), first page of 20:%n",
                    queries, QUERIES.length);
            System.out.printf(Locale.ROOT, "p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  (mean matches per query: %,d)%n",
                    pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos[nanos.length - 1] / 1e6, totalHits / queries);
            for (String q : new String[]{"养老保险", "ylbx", "yanglaobaoxian", "营业执照 办理"}) {
                SearchIndex.Result r = index.search(q, null, now, 0, 3);
                System.out.printf(Locale.ROOT, "  %-16s %,7d matches, first: #%d %s%n", q, r.total(),
                        r.hits().isEmpty() ? 0 : r.hits().get(0).id(), r.hits().isEmpty() ? "" : r.hits().get(0).highlights());
            }
        }
    }

    static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    static Item item(long id, Random r, OffsetDateTime created) {
        String what = WHAT[r.nextInt(WHAT.length)];
        String title = PLACE[r.nextInt(PLACE.length)] + WHO[r.nextInt(WHO.length)] + what + ACT[r.nextInt(ACT.length)]
                + "（第" + (1 + r.nextInt(40)) + "批）";
        String summary = "本事项面向" + WHO[r.nextInt(WHO.length)] + "，办理" + what + "相关业务。" + SENTENCES[r.nextInt(SENTENCES.length)];
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 6; i++) body.append(SENTENCES[r.nextInt(SENTENCES.length)]).append("\n\n");
        ItemKind kind = ItemKind.values()[r.nextInt(4)];
        return new Item(id, kind, title, summary, body.toString(), "text", List.of(), "dept", "notices", List.of(),
                List.of(), List.of(), null, created, null, 50, null, null, List.of(), null, null, null, null,
                ItemStatus.PUBLISHED, 1, null, created, "bench", created, "bench", created);
    }
}

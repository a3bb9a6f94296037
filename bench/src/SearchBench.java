import org.gongkai.content.Details;
import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStatus;
import org.gongkai.search.SearchIndex;
import org.gongkai.search.SynonymsLoader;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Search benchmark: builds the search index the server uses (org.gongkai.search.SearchIndex, with the built-in
 * synonyms) over N generated items with realistic Chinese titles, summaries and bodies (guides also with conditions,
 * materials, steps and a place; policies with document and index numbers), then times queries in two mixes a
 * touchscreen sends: issue 4's (Chinese words, pinyin initials and full pinyin) and issue 10's (abbreviations,
 * parts of words, document numbers, fields' text). Times are of SearchIndex.search, in this JVM.
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
    /** Issue 10: what citizens type that the words of issue 4 missed. */
    static final String[] CITIZENS = {"社保", "医保", "公积金 提取", "户口", "残疾人", "个体户", "低保", "社会", "保险", "保险 登记",
            "身份证", "示政发〔2026〕123号", "示政发[2025]45", "000000000/2026-01234", "参保缴费凭证", "综合窗口", "shebao",
            "shbx", "baoxian", "dibao"};
    static final String[] CONDITIONS = {"本县户籍居民", "年满16周岁", "已在本县参保缴费满一年", "家庭人均收入低于当地最低生活保障标准",
            "持有本县居住证", "未参加职工基本养老保险"};
    static final String[] MATERIALS = {"居民身份证", "户口簿", "参保缴费凭证", "申请表", "社会保障卡", "不动产权证书", "营业执照副本",
            "残疾人证", "结婚证", "出生医学证明"};

    public static void main(String[] args) throws InterruptedException {
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
            double buildCpuSeconds = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
            System.out.printf(Locale.ROOT, "indexed %,d items in %.1f s (%.1f s CPU of the main thread); index files %.0f MB; heap in use after GC: %.0f MB%n",
                    n, buildSeconds, buildCpuSeconds, indexBytes(index) / 1e6, heapAfterGc() / 1e6);

            Instant now = Instant.parse("2026-11-23T12:00:00Z");
            for (int i = 0; i < 300; i++) index.search(QUERIES[i % QUERIES.length], null, now, 0, 20); // warm-up
            for (int i = 0; i < 300; i++) index.search(CITIZENS[i % CITIZENS.length], null, now, 0, 20);
            time(index, now, random, queries, QUERIES, "issue 4 mix: Chinese words, pinyin initials, full pinyin");
            time(index, now, random, queries, CITIZENS, "issue 10 mix: abbreviations, parts of words, document numbers, fields");
            for (String q : new String[]{"养老保险", "ylbx", "yanglaobaoxian", "营业执照 办理", "社保", "社会", "示政发〔2026〕123号", "shebao"}) {
                SearchIndex.Result r = index.search(q, null, now, 0, 3);
                System.out.printf(Locale.ROOT, "  %-16s %,7d matches, first: #%d %s%n", q, r.total(),
                        r.hits().isEmpty() ? 0 : r.hits().get(0).id(), r.hits().isEmpty() ? "" : r.hits().get(0).highlights());
            }
        }
    }

    /**
     * Wall time, and this thread's CPU time: on a shared machine the wall time includes waiting for a core, the CPU
     * time is the work a query costs.
     */
    static void time(SearchIndex index, Instant now, Random random, int queries, String[] mix, String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[queries];
        long[] cpu = new long[queries];
        long totalHits = 0;
        for (int i = 0; i < queries; i++) {
            String q = mix[random.nextInt(mix.length)];
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            SearchIndex.Result r = index.search(q, null, now, 0, 20);
            nanos[i] = System.nanoTime() - s;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
            totalHits += r.total();
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%,d queries, %s (%d kinds), first page of 20:%n", queries, name, mix.length);
        System.out.printf(Locale.ROOT, "  wall p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  (mean matches per query: %,d)%n",
                pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos[nanos.length - 1] / 1e6, totalHits / queries);
        System.out.printf(Locale.ROOT, "  cpu  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                pct(cpu, 50), pct(cpu, 95), pct(cpu, 99), cpu[cpu.length - 1] / 1e6);
    }

    static long indexBytes(SearchIndex index) {
        return index.sizeInBytes();
    }

    /** The least heap in use over a few collections: one System.gc() alone left 188 or 244 MB for the same index. */
    static long heapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
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
        Random f = new Random(id); // the fields come from their own numbers, so titles and bodies stay as in issue 4
        Details.Guide guide = kind == ItemKind.GUIDE ? guide(f) : null;
        Details.Policy policy = kind == ItemKind.POLICY ? new Details.Policy(
                "000000000/" + (2020 + f.nextInt(7)) + "-" + String.format(Locale.ROOT, "%05d", f.nextInt(20000)),
                "示范县人民政府", "示政发〔" + (2020 + f.nextInt(7)) + "〕" + (1 + f.nextInt(200)) + "号", null, null, "社会保障") : null;
        return Item.builder().id(id).kind(kind).title(title).summary(summary).body(body.toString()).bodyFormat("text")
                .department("dept").category("notices").publishStart(created).priority(50)
                .details(guide != null ? guide : policy).status(ItemStatus.PUBLISHED).version(1).createdAt(created)
                .createdBy("bench").updatedAt(created).updatedBy("bench").publishedAt(created).build();
    }

    static Details.Guide guide(Random f) {
        List<String> conditions = List.of(CONDITIONS[f.nextInt(CONDITIONS.length)], CONDITIONS[f.nextInt(CONDITIONS.length)]);
        List<Details.Material> materials = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            materials.add(new Details.Material(MATERIALS[f.nextInt(MATERIALS.length)], "original", 1, 0, "paper", "公安机关核发", null));
        }
        List<Details.Step> steps = List.of(new Details.Step("申请", "到窗口或网上提交申请"), new Details.Step("审核", "窗口当场审核材料"),
                new Details.Step("办结", "材料齐全的当场办结"));
        Details.Place place = new Details.Place("示范县政务服务中心", "一楼", (1 + f.nextInt(30)) + "号综合窗口", "示范县人民路18号");
        return new Details.Guide("示范县政务服务中心", "本县居民", conditions, materials, steps, 20, 5,
                List.of(new Details.Fee("办理", "不收费", null, false)), 1, place, "工作日 上午8:30—12:00", "0000-5550101",
                "12345", null, List.of("《社会保险法》"), List.of());
    }
}

// The sync wire format and the per-field merge: round trips, hostile input, compression limits, and
// merge results that do not depend on the order changes arrive in.
#include "sync/protocol/Protocol.h"
#include "sync/protocol/PullPageReader.h"
#include "tests/support/TestSupport.h"

#include <QtTest>
#include <algorithm>
#include <random>

using namespace practica;
using core::SyncChange;
using core::SyncRow;

namespace {

SyncChange change(std::string id, std::string hlc, std::vector<core::SyncField> fields, bool deleted = false)
{
    SyncChange c;
    c.id = std::move(id);
    c.entity = "patient";
    c.rowId = "0190f0e2-0000-7000-8000-000000000001";
    c.hlc = std::move(hlc);
    c.fields = std::move(fields);
    c.deleted = deleted;
    c.deviceId = "dev";
    return c;
}

std::string stamp(int ms, const char* device = "a")
{
    char text[64];
    std::snprintf(text, sizeof text, "%015d-%08d-%s", ms, 0, device);
    return text;
}

} // namespace

class tst_SyncProtocol : public QObject
{
    Q_OBJECT

private slots:
    void pushRoundTrip()
    {
        sync::PushRequest req;
        req.deviceId = "ws-1";
        req.changes.push_back(change("c1", stamp(1), {{"family_name", "Núñez"}, {"middle_name", std::nullopt}}));
        req.changes.back().baseHlc = stamp(0);
        req.changes.push_back(change("c2", stamp(2), {}, true));
        auto decoded = sync::decodePush(sync::encodePush(req));
        QVERIFY(decoded);
        QCOMPARE(decoded->deviceId, std::string("ws-1"));
        QCOMPARE(decoded->changes.size(), std::size_t(2));
        QCOMPARE(decoded->changes[0].fields, req.changes[0].fields);
        QCOMPARE(decoded->changes[0].baseHlc, req.changes[0].baseHlc);
        QVERIFY(decoded->changes[1].deleted);
        QCOMPARE(decoded->changes[0].deviceId, std::string("ws-1"));
    }

    void pushResponseAndPullRoundTrip()
    {
        sync::PushResponse resp;
        resp.highestSeq = 9;
        resp.results.push_back({"c1", sync::PushOutcome::Applied, 8, {}, {}, {}, {}});
        SyncRow row{"appointment",          "r1",         {{"status", "scheduled"}, {"room_id", std::nullopt}},
                    {{"status", stamp(3)}}, std::nullopt, std::nullopt};
        resp.results.push_back({"c2",
                                sync::PushOutcome::Conflict,
                                0,
                                "double_booking",
                                "provider p is booked",
                                row,
                                {{"resource", "provider"}, {"other_appointment", "a9"}}});
        auto back = sync::decodePushResponse(sync::encodePushResponse(resp));
        QVERIFY(back);
        QCOMPARE(back->results[1].outcome, sync::PushOutcome::Conflict);
        QCOMPARE(back->results[1].conflictCode, std::string("double_booking"));
        QCOMPARE(back->results[1].params, resp.results[1].params);
        QVERIFY(back->results[1].current);
        QCOMPARE(back->results[1].current->values, row.values);
        QCOMPARE(back->results[0].seq, std::int64_t(8));

        sync::PullResponse pull;
        pull.changes.push_back(change("c1", stamp(1), {{"x", "1"}}));
        pull.changes.back().seq = 41;
        pull.next = 41;
        pull.more = true;
        pull.highestSeq = 90;
        pull.scope = "front_desk";
        auto p = sync::decodePull(sync::encodePull(pull));
        QVERIFY(p);
        QCOMPARE(p->changes.at(0).seq, std::int64_t(41));
        QCOMPARE(p->changes.at(0).deviceId, std::string("dev"));
        QVERIFY(p->more);
        QCOMPARE(p->highestSeq, std::int64_t(90));
        QCOMPARE(p->scope, std::string("front_desk")); // the device's sync scope, which served the page
    }

    void hostileBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("not json") << QByteArray("<xml/>");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no changes") << QByteArray(R"({"device":"d"})");
        QTest::newRow("changes not array") << QByteArray(R"({"device":"d","changes":{}})");
        QTest::newRow("entity injection")
            << QByteArray(R"({"device":"d","changes":[{"id":"1","entity":"patient; DROP TABLE x","row":"r",)"
                          R"("op":"upsert","hlc":"h","base":null,"fields":{}}]})");
        QTest::newRow("field injection") << QByteArray(
            R"({"device":"d","changes":[{"id":"1","entity":"patient","row":"r","op":"upsert",)"
            R"("hlc":"h","base":null,"fields":{"a=1,b":"x"}}]})");
        QTest::newRow("id field") << QByteArray(R"({"device":"d","changes":[{"id":"1","entity":"patient","row":"r",)"
                                                R"("op":"upsert","hlc":"h","base":null,"fields":{"id":"x"}}]})");
        QTest::newRow("number value") << QByteArray(
            R"({"device":"d","changes":[{"id":"1","entity":"patient","row":"r","op":"upsert",)"
            R"("hlc":"h","base":null,"fields":{"a":5}}]})");
        QTest::newRow("bad op") << QByteArray(R"({"device":"d","changes":[{"id":"1","entity":"patient","row":"r",)"
                                              R"("op":"merge","hlc":"h","base":null,"fields":{}}]})");
        QTest::newRow("deep nesting") << QByteArray(std::string(5000, '[').c_str());
        QTest::newRow("truncated") << QByteArray(R"({"device":"d","changes":[{"id":"1")");
    }
    void hostileBodies()
    {
        QFETCH(QByteArray, body);
        auto decoded = sync::decodePush(body.toStdString());
        QVERIFY(!decoded);
        QVERIFY(test::failureOf(decoded).code == core::ErrorCode::ProtocolError ||
                decoded.error().code == core::ErrorCode::Validation);
    }

    // A pull page is read without a JSON document: any key order, whitespace, escapes and unknown keys.
    void pullPageReadsAnyValidJson()
    {
        const std::string page =
            "{ \"more\" : false, \"extra\": {\"a\": [1, 2.5e3, true, null, \"x\"]},\n"
            " \"changes\": [ {\"fields\": {\"family_name\": \"Mu\\u00f1oz \\\"Jr\\\"\\n\", \"note\": null, "
            "\"emoji\": \"\\ud83d\\ude00\"}, \"seq\": 7, \"op\": \"upsert\", \"row\": \"r1\", \"entity\": "
            "\"patient\", \"id\": \"c1\", \"hlc\": \"h1\", \"base\": null, \"device\": \"d1\", \"future_key\": {}} ], "
            "\"highest_seq\": 9, \"next\": 7, \"protocol\": 1 }";
        auto p = sync::decodePull(page);
        QVERIFY2(p, p ? "" : p.error().detail.c_str());
        QCOMPARE(p->changes.size(), std::size_t(1));
        const auto& c = p->changes[0];
        QCOMPARE(c.fields.at(0).value, std::optional<std::string>("Mu\xc3\xb1oz \"Jr\"\n"));
        QCOMPARE(c.fields.at(1).value, std::optional<std::string>());
        QCOMPARE(c.fields.at(2).value, std::optional<std::string>("\xf0\x9f\x98\x80"));
        QCOMPARE(c.seq, std::int64_t(7));
        QCOMPARE(c.author, std::string()); // a server before authors were kept
        QVERIFY(!p->more);
        QCOMPARE(p->next, std::int64_t(7));
        QCOMPARE(p->highestSeq, std::int64_t(9));
        QCOMPARE(p->scope, std::string("all")); // a server before scopes serves everything
    }

    void hostilePullPages_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray one = R"({"id":"c","entity":"patient","row":"r","op":"upsert","hlc":"h","base":null,)"
                               R"("seq":1,"device":"d","fields":{"a":"x"}})";
        auto page = [](const QByteArray& changes) {
            return QByteArray(R"({"changes":[)") + changes + R"(],"next":1,"more":false,"highest_seq":1})";
        };
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("not json") << QByteArray("<xml/>");
        QTest::newRow("no cursor") << QByteArray(R"({"changes":[]})");
        QTest::newRow("truncated") << page(one).left(60);
        QTest::newRow("text after") << page(one) + "x";
        QTest::newRow("number value") << page(QByteArray(one).replace(R"("a":"x")", R"("a":5)"));
        QTest::newRow("field injection") << page(QByteArray(one).replace(R"("a":"x")", R"("a=1,b":"x")"));
        QTest::newRow("entity injection") << page(QByteArray(one).replace("\"patient\"", "\"patient; DROP\""));
        QTest::newRow("bad escape") << page(QByteArray(one).replace(R"("x")", "\"\\q\""));
        QTest::newRow("lone surrogate") << page(QByteArray(one).replace(R"("x")", "\"\\ud83d\""));
        QTest::newRow("control character") << page(QByteArray(one).replace(R"("x")", "\"a\x01\""));
        QTest::newRow("no seq") << page(QByteArray(one).replace(R"("seq":1,)", ""));
        QTest::newRow("bad op") << page(QByteArray(one).replace("upsert", "merge"));
        QTest::newRow("deep nesting") << QByteArray(R"({"x":)") + QByteArray(5000, '[');
    }
    void hostilePullPages()
    {
        QFETCH(QByteArray, body);
        auto decoded = sync::decodePull(body.toStdString());
        QVERIFY(!decoded);
        QCOMPARE(test::failureOf(decoded).code, core::ErrorCode::ProtocolError);
    }

    // A snapshot page: rows encoded here and rows passed through as a store keeps them (encodeRow) read
    // back alike, with nulls, escapes, tombstones and creation stamps.
    void snapshotPageRoundTrip()
    {
        SyncRow made{"patient", "0190f0e2-0000-7000-8000-000000000001", {}, {}, std::nullopt, stamp(1)};
        made.values = {{"family_name", "O\"Brien \\ \u00e9\n"}, {"middle_name", std::nullopt}};
        made.fieldHlc = {{"family_name", stamp(2)}};
        SyncRow buried{"patient", "0190f0e2-0000-7000-8000-000000000002", {}, {}, stamp(5), std::nullopt};
        buried.values = {{"family_name", "Gone"}};
        buried.fieldHlc = {{"family_name", stamp(3)}};
        sync::SnapshotPage page;
        page.entity = "patient";
        page.rows = {made};
        page.rowsJson = {sync::encodeRow(buried)};
        page.after = buried.rowId;
        page.more = true;
        page.scope = "front_desk";
        auto read = sync::decodeSnapshotPage(sync::encodeSnapshotPage(page));
        QVERIFY(read);
        QCOMPARE(read->entity, std::string("patient"));
        QCOMPARE(read->rows.size(), std::size_t(2));
        QCOMPARE(read->rows[0].rowId, made.rowId);
        QVERIFY(read->rows[0].values == made.values);
        QVERIFY(read->rows[0].fieldHlc == made.fieldHlc);
        QCOMPARE(read->rows[0].createdHlc, made.createdHlc);
        QVERIFY(!read->rows[0].deletedHlc);
        QCOMPARE(read->rows[1].entity, std::string("patient"));
        QVERIFY(read->rows[1].values == buried.values);
        QCOMPARE(read->rows[1].deletedHlc, buried.deletedHlc);
        QVERIFY(read->rows[1].isDeleted());
        QCOMPARE(read->after, page.after);
        QVERIFY(read->more);
        QCOMPARE(read->scope, std::string("front_desk"));

        sync::SnapshotStart start{42, {{"patient", 2}, {"appointment", 7}}, "all"};
        auto started = sync::decodeSnapshotStart(sync::encodeSnapshotStart(start));
        QVERIFY(started);
        QCOMPARE(started->seq, std::int64_t(42));
        QVERIFY(started->rows == start.rows);

        // Hostile pages fail as protocol errors.
        for (const char* bad :
             {"{}", "{\"entity\":\"Patient\",\"rows\":[],\"after\":\"\"}",
              "{\"entity\":\"patient\",\"rows\":[{\"row\":\"x\",\"values\":{\"id\":\"1\"},"
              "\"field_hlc\":{}}],\"after\":\"x\"}",
              "{\"entity\":\"patient\",\"rows\":[{\"row\":\"x\",\"values\":{\"a\":1},"
              "\"field_hlc\":{}}],\"after\":\"x\"}",
              "{\"entity\":\"patient\",\"rows\":[{\"values\":{},\"field_hlc\":{}}],\"after\":\"\"}"}) {
            auto r = sync::decodeSnapshotPage(bad);
            QVERIFY2(!r, bad);
            QCOMPARE(r.error().code, core::ErrorCode::ProtocolError);
        }
    }


    // A field stamped when its row was made travels and is stored without a stamp of its own; a stored
    // row read back has every stamp again, and a snapshot page's row keeps them implied.
    void creationStampsAreImplied()
    {
        SyncRow row{"patient", "0190f0e2-0000-7000-8000-000000000003", {}, {}, std::nullopt, stamp(1)};
        row.values = {{"family_name", "Okafor"}, {"given_name", "Ada"}, {"middle_name", std::nullopt}};
        row.fieldHlc = {{"family_name", stamp(4)}, {"given_name", stamp(1)}, {"middle_name", stamp(1)}};
        const std::string text = sync::encodeRow(row);
        QCOMPARE(text.find(stamp(1)), text.rfind(stamp(1))); // once: as created_hlc
        QVERIFY(text.find(stamp(4)) != std::string::npos);
        auto stored = sync::decodeRow(text);
        QVERIFY(stored);
        QVERIFY(stored->fieldHlc == row.fieldHlc);
        auto read = sync::readRow(text);
        QVERIFY(read);
        QVERIFY(read->fieldHlc == row.fieldHlc);

        sync::SnapshotPage page;
        page.entity = "patient";
        page.rows = {row};
        page.after = row.rowId;
        auto snap = sync::decodeSnapshotPage(sync::encodeSnapshotPage(page));
        QVERIFY(snap);
        QCOMPARE(snap->rows.size(), std::size_t(1));
        QVERIFY((snap->rows[0].fieldHlc == std::map<std::string, std::string>{{"family_name", stamp(4)}}));
        snap->rows[0].fillStamps();
        QVERIFY(snap->rows[0].fieldHlc == row.fieldHlc);

        // A delete is weighed against the implied stamps too.
        SyncRow made = row;
        made.fieldHlc = {};
        made.createdHlc = stamp(6);
        made.deletedHlc = stamp(5);
        QVERIFY(!made.isDeleted());
        made.deletedHlc = stamp(7);
        QVERIFY(made.isDeleted());
        made.fieldHlc = {{"family_name", stamp(8)}};
        QVERIFY(!made.isDeleted());
    }
    void tooManyChanges()
    {
        sync::PushRequest req;
        req.deviceId = "d";
        for (int i = 0; i <= sync::kMaxPushChanges; ++i)
            req.changes.push_back(change("c" + std::to_string(i), stamp(i), {}));
        auto decoded = sync::decodePush(sync::encodePush(req));
        QVERIFY(!decoded);
        QCOMPARE(test::failureOf(decoded).code, core::ErrorCode::Validation);
    }

    void gzipRoundTripAndBomb()
    {
        const std::string text(100000, 'x');
        auto back = sync::gunzip(sync::gzip(text), 1 << 20);
        QVERIFY(back);
        QCOMPARE(*back, text);
        // A small stream that inflates past the limit is refused, not inflated.
        const std::string bomb = sync::gzip(std::string(10 << 20, '\0'));
        QVERIFY(bomb.size() < 100000);
        auto refused = sync::gunzip(bomb, 1 << 20);
        QVERIFY(!refused);
        QCOMPARE(test::failureOf(refused).code, core::ErrorCode::Validation);
        auto damaged = sync::gunzip("not gzip at all", 1 << 20);
        QVERIFY(!damaged);
    }

    void mergeIsPerFieldLastWriterWins()
    {
        SyncRow row{"patient", "r", {}, {}, std::nullopt, std::nullopt};
        core::mergeChange(row, change("1", stamp(1), {{"given_name", "Ann"}, {"phone", "555"}}));
        // Concurrent edits of different fields both survive.
        core::mergeChange(row, change("2", stamp(5, "a"), {{"given_name", "Anne"}}));
        auto losses = core::mergeChange(row, change("3", stamp(4, "b"), {{"phone", "556"}, {"given_name", "Annie"}}));
        QCOMPARE(row.values["given_name"], std::optional<std::string>("Anne"));
        QCOMPARE(row.values["phone"], std::optional<std::string>("556"));
        // The losing value of a field is reported for history, and so is the replaced one.
        QCOMPARE(losses.size(), std::size_t(2));
        // The same stamp from another device: the device id breaks the tie.
        core::mergeChange(row, change("4", stamp(5, "b"), {{"given_name", "Anna"}}));
        QCOMPARE(row.values["given_name"], std::optional<std::string>("Anna"));
    }

    void mergeConvergesInAnyOrder()
    {
        std::mt19937 rng(7);
        std::vector<SyncChange> changes;
        const char* fields[] = {"a", "b", "c"};
        for (int i = 0; i < 40; ++i) {
            const bool del = rng() % 9 == 0;
            std::vector<core::SyncField> fs;
            if (!del)
                for (const char* f : fields)
                    if (rng() % 2)
                        fs.push_back({f, std::to_string(rng() % 100)});
            changes.push_back(change("c" + std::to_string(i), stamp(int(rng() % 30), i % 2 ? "a" : "b"), fs, del));
        }
        SyncRow reference{"patient", "r", {}, {}, std::nullopt, std::nullopt};
        for (const auto& c : changes)
            core::mergeChange(reference, c);
        for (int round = 0; round < 50; ++round) {
            std::shuffle(changes.begin(), changes.end(), rng);
            SyncRow row{"patient", "r", {}, {}, std::nullopt, std::nullopt};
            for (const auto& c : changes) {
                core::mergeChange(row, c);
                if (rng() % 3 == 0)
                    core::mergeChange(row, c); // duplicates change nothing
            }
            QCOMPARE(row.values, reference.values);
            QCOMPARE(row.fieldHlc, reference.fieldHlc);
            QCOMPARE(row.isDeleted(), reference.isDeleted());
        }
    }

    void deleteThenLaterUpsertRevives()
    {
        SyncRow row{"patient", "r", {}, {}, std::nullopt, std::nullopt};
        core::mergeChange(row, change("1", stamp(1), {{"a", "1"}}));
        core::mergeChange(row, change("2", stamp(3), {}, true));
        QVERIFY(row.isDeleted());
        core::mergeChange(row, change("3", stamp(2), {{"a", "2"}}));
        QVERIFY(row.isDeleted()); // older than the delete
        core::mergeChange(row, change("4", stamp(4), {{"a", "3"}}));
        QVERIFY(!row.isDeleted());
    }
};

QTEST_APPLESS_MAIN(tst_SyncProtocol)
#include "tests/support/TestSupport.h"
#include "tst_syncprotocol.moc"

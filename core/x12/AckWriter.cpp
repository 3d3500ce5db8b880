#include "AckWriter.h"

#include "core/x12/Claim837.h"

namespace practica::core {

namespace {

std::string padded(const std::string& s, std::size_t width)
{
    std::string out = s.substr(0, width);
    out.resize(width, ' ');
    return out;
}

std::string zeroPadded(std::int64_t n, std::size_t width)
{
    std::string s = std::to_string(n);
    return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

// Segments with the default delimiters, counted for the SE.
class Out
{
public:
    void add(std::string segment)
    {
        m_text += segment + "~\n";
        ++m_count;
    }
    int count() const { return m_count; }
    std::string& text() { return m_text; }

private:
    std::string m_text;
    int m_count = 0;
};

std::string isa(const AckEnvelope& e)
{
    return "ISA*00*" + padded("", 10) + "*00*" + padded("", 10) + "*ZZ*" + padded(e.senderId, 15) + "*ZZ*" +
           padded(e.receiverId, 15) + "*" + e.date.substr(2) + "*" + e.time + "*^*00501*" +
           zeroPadded(e.interchangeControl, 9) + "*0*" + (e.production ? "P" : "T") + "*:~\n";
}

std::string trailer(const AckEnvelope& e, int setSegments)
{
    return "SE*" + std::to_string(setSegments) + "*0001~\nGE*1*" + std::to_string(e.groupControl) + "~\nIEA*1*" +
           zeroPadded(e.interchangeControl, 9) + "~\n";
}

} // namespace

std::string write999(const X12Interchange& received, const AckEnvelope& e, const std::vector<Ack999ErrorOut>& errors)
{
    const X12Group& group = received.groups.at(0);
    const X12TransactionSet& set = group.sets.at(0);
    std::string text = isa(e) + "GS*FA*" + e.senderId + "*" + e.receiverId + "*" + e.date + "*" + e.time + "*" +
                       std::to_string(e.groupControl) + "*X*005010X231A1~\n";
    Out out;
    out.add("ST*999*0001*005010X231A1");
    out.add("AK1*" + group.functionalId + "*" + group.control + "*" + group.version);
    out.add("AK2*" + set.id + "*" + set.control + "*" + set.version);
    for (const Ack999ErrorOut& err : errors) {
        out.add("IK3*" + err.segmentId + "*" + std::to_string(err.position) + "*" + err.loop.substr(0, 4) + "*" +
                err.segmentCode);
        if (err.element > 0) {
            auto clean = x12Text(err.badData, X12Delimiters{});
            out.add("IK4*" + std::to_string(err.element) + "**" + err.elementCode +
                    (clean && !clean->empty() ? "*" + clean->substr(0, 99) : ""));
        }
    }
    const bool rejected = !errors.empty();
    out.add(rejected ? "IK5*R*5" : "IK5*A");
    out.add(rejected ? "AK9*R*1*1*0" : "AK9*A*1*1*1");
    return text + out.text() + trailer(e, out.count() + 1);
}

std::string write277ca(const AckEnvelope& e, const Payer277Out& payer, const std::string& submitterName,
                       const std::string& billingName, const std::string& billingNpi,
                       const std::vector<Claim277Out>& claims)
{
    auto fit = [](const std::string& s) { return x12Text(s, X12Delimiters{}).value_or(""); };
    std::int64_t total = 0;
    for (const Claim277Out& c : claims)
        total += parseCents(c.chargeAmount).value_or(0);
    const std::string submitted = x12Amount(total);
    std::string text = isa(e) + "GS*HN*" + e.senderId + "*" + e.receiverId + "*" + e.date + "*" + e.time + "*" +
                       std::to_string(e.groupControl) + "*X*005010X214~\n";
    Out out;
    out.add("ST*277*0001*005010X214");
    out.add("BHT*0085*08*" + std::to_string(e.interchangeControl) + "*" + e.date + "*" + e.time + "*TH");
    out.add("HL*1**20*1");
    out.add("NM1*PR*2*" + fit(payer.name) + "*****PI*" + fit(payer.payerId));
    out.add("TRN*1*" + std::to_string(e.interchangeControl));
    out.add("DTP*050*D8*" + e.date);
    out.add("DTP*009*D8*" + e.date);
    out.add("HL*2*1*21*1");
    out.add("NM1*41*2*" + fit(submitterName) + "*****46*" + fit(e.receiverId));
    out.add("TRN*2*" + std::to_string(e.interchangeControl));
    out.add("STC*A1:19:PR*" + e.date + "*WQ*" + submitted);
    out.add("HL*3*2*19*1");
    out.add("NM1*85*2*" + fit(billingName) + "*****XX*" + fit(billingNpi));
    out.add("TRN*1*0");
    out.add("STC*A1:19:PR**WQ*" + submitted);
    int hl = 3;
    for (const Claim277Out& c : claims) {
        out.add("HL*" + std::to_string(++hl) + "*3*PT");
        out.add("NM1*QC*1*" + fit(c.lastName) + "*" + fit(c.firstName) + "****MI*" + fit(c.memberId));
        out.add("TRN*2*" + fit(c.patientControlNumber));
        out.add("STC*" + c.category + ":" + c.status + (c.entity.empty() ? "" : ":" + c.entity) + "*" + e.date + "*" +
                c.action + "*" + (c.chargeAmount.empty() ? "0" : c.chargeAmount));
        if (!c.payerClaimNumber.empty())
            out.add("REF*1K*" + fit(c.payerClaimNumber));
        out.add("DTP*472*D8*" + (c.serviceDate.empty() ? e.date : c.serviceDate));
    }
    return text + out.text() + trailer(e, out.count() + 1);
}

} // namespace practica::core

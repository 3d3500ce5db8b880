#include "TotpCommands.h"

#include "JsonOutput.h"
#include "core/auth/SecondFactor.h"
#include "core/auth/UserStore.h"

#include <cstdlib>
#include <ostream>

namespace practica::app {

Outcome giveSecondFactor(CliContext& ctx, core::Session& session)
{
    using core::SecondFactorStep;
    switch (session.secondFactorOwed()) {
    case SecondFactorStep::Done:
        return {};
    case SecondFactorStep::Enrolment:
        if (ctx.args().noun() == "users" && ctx.args().verb() == "totp-enrol")
            return {};
        return failure(core::Error::make(core::ErrorCode::SecondFactorRequired, "enrol"));
    case SecondFactorStep::Code:
        break;
    }
    std::string code = ctx.value("totp");
    if (code.empty())
        if (const char* env = std::getenv("PRACTICA_TOTP"))
            code = env;
    if (code.empty())
        return failure(core::Error::make(core::ErrorCode::SecondFactorRequired, "code"));
    if (auto s = core::SecondFactor(session).verify(code); !s)
        return failure(s.error());
    return {};
}

Outcome enrolTotp(CliContext& ctx, core::Session& session)
{
    core::SecondFactor factor(session);
    if (auto code = ctx.option("code"); code && !code->empty()) {
        auto recovery = factor.confirmEnrolment(*code);
        if (!recovery)
            return failure(recovery.error());
        if (ctx.json()) {
            auto o = newJsonObject();
            o->set("username", session.actor().username);
            o->set("enrolled", true);
            Poco::JSON::Array::Ptr codes = new Poco::JSON::Array;
            for (const auto& c : *recovery)
                codes->add(c);
            o->set("recovery_codes", codes);
            ctx.printJson(o);
            return {};
        }
        ctx.out() << "Two-step sign-in is on for " << session.actor().username << ".\n"
                  << "Recovery codes (each works once, if the phone is lost; keep them somewhere safe, they are not "
                     "shown again):\n";
        for (const auto& c : *recovery)
            ctx.out() << "  " << c << "\n";
        return {};
    }
    auto enrolment = factor.beginEnrolment();
    if (!enrolment)
        return failure(enrolment.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("username", enrolment->account);
        o->set("secret", enrolment->secret);
        o->set("otpauth_uri", enrolment->uri);
        ctx.printJson(o);
        return {};
    }
    ctx.out() << "Add this key to the authenticator app (or open the link on the phone):\n"
              << "  key:  " << enrolment->secret << "\n"
              << "  link: " << enrolment->uri << "\n"
              << "Then confirm with the code it shows: practica-cli users totp-enrol --code CODE\n";
    return {};
}

Outcome removeTotp(CliContext& ctx, core::Session& session)
{
    const std::string username = ctx.optionOr("username", session.actor().username);
    auto user = core::UserStore::findByUsername(session.db(), username);
    if (!user)
        return failure(user.error());
    if (auto s = core::SecondFactor(session).remove(user->id); !s)
        return failure(s.error());
    if (ctx.json()) {
        auto o = newJsonObject();
        o->set("username", username);
        o->set("enrolled", false);
        ctx.printJson(o);
    } else {
        ctx.out() << "Removed two-step sign-in from " << username << "; they sign in with their password alone"
                  << " unless the clinic requires it, then they set it up again.\n";
    }
    return {};
}

} // namespace practica::app

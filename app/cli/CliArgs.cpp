#include "CliArgs.h"

namespace practica::app {

const std::set<std::string>& CliArgs::flags()
{
    static const std::set<std::string> names = {
        "json",   "password-stdin", "help",      "version", "allow-duplicate", "overbook", "accept-warnings",
        "series", "no-schedule",    "no-charts", "retry",   "discard",         "unsigned", "remember"};
    return names;
}

const std::set<std::string>& CliArgs::globalOptions()
{
    static const std::set<std::string> names = {"db", "user", "json", "password-stdin", "help", "totp"};
    return names;
}

std::optional<CliArgs> CliArgs::parse(const std::vector<std::string>& arguments, std::string& error)
{
    CliArgs args;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& a = arguments[i];
        if (a == "-h") {
            args.m_options["help"] = "";
            continue;
        }
        if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
            words.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::optional<std::string> value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        }
        if (flags().contains(name)) {
            if (value) {
                error = "--" + name + " takes no value";
                return std::nullopt;
            }
            args.m_options[name] = "";
            continue;
        }
        if (!value) {
            if (i + 1 >= arguments.size() || (arguments[i + 1].size() > 2 && arguments[i + 1].starts_with("--"))) {
                error = "--" + name + " needs a value";
                return std::nullopt;
            }
            value = arguments[++i];
        }
        args.m_options[name] = *value;
    }
    if (words.size() > 3) {
        error = "unexpected argument '" + words[3] + "'";
        return std::nullopt;
    }
    if (!words.empty())
        args.m_noun = words[0];
    if (words.size() > 1)
        args.m_verb = words[1];
    if (words.size() > 2)
        args.m_operand = words[2];
    return args;
}

std::optional<std::string> CliArgs::value(const std::string& name) const
{
    auto it = m_options.find(name);
    if (it == m_options.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::string> CliArgs::unknownOption(const std::set<std::string>& accepted) const
{
    for (const auto& [name, value] : m_options)
        if (!accepted.contains(name) && !globalOptions().contains(name))
            return name;
    return std::nullopt;
}

} // namespace practica::app

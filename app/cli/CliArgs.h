// The command line split into noun, verb and options, with the checks every command shares.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace practica::app {

class CliArgs
{
public:
    // Options that take no value; every other --name takes the next argument (or --name=value).
    static const std::set<std::string>& flags();
    // Options every command accepts.
    static const std::set<std::string>& globalOptions();

    // Returns an empty optional and sets error() when the line cannot be read.
    static std::optional<CliArgs> parse(const std::vector<std::string>& arguments, std::string& error);

    const std::string& noun() const { return m_noun; }
    const std::string& verb() const { return m_verb; }
    // A third word after the verb (a search text, a file name), for the verbs that take one.
    const std::optional<std::string>& operand() const { return m_operand; }
    bool has(const std::string& name) const { return m_options.contains(name); }
    std::optional<std::string> value(const std::string& name) const;
    // The first option not in accepted (nor global), for "unknown option" messages.
    std::optional<std::string> unknownOption(const std::set<std::string>& accepted) const;
    bool wantsHelp() const { return has("help"); }

private:
    std::string m_noun;
    std::string m_verb;
    std::optional<std::string> m_operand;
    std::map<std::string, std::string> m_options;
};

} // namespace practica::app

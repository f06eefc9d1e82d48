#include "core/message.h"

namespace cs {

std::string fillMessageTemplate(const std::string& text, const std::vector<MessageArg>& args) {
    std::string out;
    out.reserve(text.size() + 16 * args.size());
    size_t i = 0;
    while (i < text.size()) {
        const size_t open = text.find('{', i);
        if (open == std::string::npos) break;
        const size_t close = text.find('}', open + 1);
        if (close == std::string::npos) break;
        out.append(text, i, open - i);
        const std::string name = text.substr(open + 1, close - open - 1);
        const MessageArg* found = nullptr;
        for (const MessageArg& arg : args)
            if (arg.name == name) found = &arg;
        if (found)
            out += found->value;
        else
            out.append(text, open, close - open + 1);
        i = close + 1;
    }
    out.append(text, i, std::string::npos);
    return out;
}

MessageArg::MessageArg(std::string name, const Message& message)
    : name(std::move(name)), value(message.english()), message(std::make_shared<const Message>(message)) {}

std::string Message::english() const { return fillMessageTemplate(text, args); }

Message msg(std::string code, std::string text, std::vector<MessageArg> args) {
    return Message{std::move(code), std::move(text), std::move(args)};
}

}  // namespace cs

// A QR code image of a text (an otpauth:// URI for an authenticator app), encoded by libqrencode.
#pragma once

#include <QImage>
#include <QString>

namespace practica::app {

// Black modules on white with the standard four-module quiet zone, each module moduleSize pixels;
// a null image when the text does not fit a QR code.
QImage qrCodeImage(const QString& text, int moduleSize = 6);

} // namespace practica::app

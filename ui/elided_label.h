// A one-line label for a long status line: it shows as much as fits, ends with "…" when cut,
// and keeps the whole text in its tooltip and for screen readers.
#pragma once

#include <QLabel>

namespace cpis::ui {

class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(const QString &text, QWidget *parent = nullptr);

    void setFullText(const QString &text);
    [[nodiscard]] const QString &fullText() const { return m_fullText; }
    // Any width will do: the text is cut to fit.
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_fullText;
};

} // namespace cpis::ui

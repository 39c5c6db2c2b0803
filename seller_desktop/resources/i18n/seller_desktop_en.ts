<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于小店桌面</source>
        <translation>About Seller Desktop</translation>
    </message>
    <message>
        <source>小店桌面</source>
        <translation>Seller Desktop</translation>
    </message>
    <message>
        <source>微信小店商家的桌面工作台：商品、订单、礼物和电子面单，断网也能用。</source>
        <translation>A desktop console for WeChat Store sellers: listings, orders, gifts and e-waybill labels, online or offline.</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open its folder</translation>
    </message>
    <message>
        <source>更新记录</source>
        <translation>Release notes</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>日志文件</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>运行环境</source>
        <translation>Runs on</translation>
    </message>
    <message>
        <source>找不到更新记录（CHANGELOG.md），安装可能不完整。</source>
        <translation>The release notes (CHANGELOG.md) were not found; the installation may be incomplete.</translation>
    </message>
</context>
<context>
    <name>AfterSale</name>
    <message>
        <source>待商家处理</source>
        <translation>Waiting for the seller</translation>
    </message>
    <message>
        <source>待买家退货</source>
        <translation>Waiting for the buyer to return the goods</translation>
    </message>
    <message>
        <source>待商家收货</source>
        <translation>Waiting for the seller to receive the return</translation>
    </message>
    <message>
        <source>待买家确认</source>
        <translation>Waiting for the buyer to confirm</translation>
    </message>
    <message>
        <source>待买家处理协商</source>
        <translation>Waiting for the buyer&apos;s answer to the proposal</translation>
    </message>
    <message>
        <source>待买家处理商家发起的售后</source>
        <translation>Waiting for the buyer (case opened by the seller)</translation>
    </message>
    <message>
        <source>待买家收货（换货）</source>
        <translation>Waiting for the buyer to receive the exchange</translation>
    </message>
    <message>
        <source>物流拦截中</source>
        <translation>Parcel being intercepted</translation>
    </message>
    <message>
        <source>平台退款中</source>
        <translation>Platform refunding</translation>
    </message>
    <message>
        <source>平台退款失败，请线下退款并上传凭证</source>
        <translation>Platform refund failed: refund offline and upload the proof</translation>
    </message>
    <message>
        <source>商家逾期未退款</source>
        <translation>Seller overdue with the refund</translation>
    </message>
    <message>
        <source>已拒绝退款</source>
        <translation>Refund rejected</translation>
    </message>
    <message>
        <source>已拒绝退货退款</source>
        <translation>Return rejected</translation>
    </message>
    <message>
        <source>已拒绝换货</source>
        <translation>Exchange rejected</translation>
    </message>
    <message>
        <source>已拒绝发货（换货），平台介入中</source>
        <translation>Exchange reship rejected, platform reviewing</translation>
    </message>
    <message>
        <source>买家超时未退货，退货关闭</source>
        <translation>Buyer did not return in time, return closed</translation>
    </message>
    <message>
        <source>买家已取消</source>
        <translation>Withdrawn by the buyer</translation>
    </message>
    <message>
        <source>退款完成</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>退货退款完成</source>
        <translation>Returned and refunded</translation>
    </message>
    <message>
        <source>换货完成</source>
        <translation>Exchanged</translation>
    </message>
    <message>
        <source>打款失败，客服已关闭售后</source>
        <translation>Payment failed, closed by customer service</translation>
    </message>
    <message>
        <source>售后关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>仅退款</source>
        <translation>Refund only</translation>
    </message>
    <message>
        <source>退货退款</source>
        <translation>Return and refund</translation>
    </message>
    <message>
        <source>换货</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>待我处理</source>
        <translation>Waiting for me</translation>
    </message>
    <message>
        <source>等待买家或平台</source>
        <translation>Waiting for buyer or platform</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>商家</source>
        <translation>Seller</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>修改地址</source>
        <translation>Address change</translation>
    </message>
    <message>
        <source>发货前换款</source>
        <translation>SKU change</translation>
    </message>
    <message>
        <source>售后</source>
        <translation>After-sales</translation>
    </message>
    <message>
        <source>改地址</source>
        <translation>Address change</translation>
    </message>
    <message>
        <source>换款</source>
        <translation>SKU change</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>协商</source>
        <translation>Negotiate</translation>
    </message>
    <message>
        <source>上传退款凭证</source>
        <translation>Upload refund proof</translation>
    </message>
    <message>
        <source>换货发货</source>
        <translation>Ship the exchange</translation>
    </message>
    <message>
        <source>拒绝换货发货</source>
        <translation>Refuse to ship the exchange</translation>
    </message>
    <message>
        <source>请填写说明</source>
        <translation>Please write a note for the buyer</translation>
    </message>
    <message>
        <source>说明最多 %1 个字</source>
        <translation>The note may have at most %1 characters</translation>
    </message>
    <message>
        <source>同意退货或换货需要选择退货地址</source>
        <translation>Accepting a return or an exchange needs a return address</translation>
    </message>
    <message>
        <source>请选择拒绝原因</source>
        <translation>Please choose a reason for rejecting</translation>
    </message>
    <message>
        <source>协商方案只能是仅退款或退货退款</source>
        <translation>A proposal can only be a refund or a return and refund</translation>
    </message>
    <message>
        <source>协商金额必须大于 %1 且不超过申请金额</source>
        <translation>The proposed amount must be more than %1 and at most the amount asked for</translation>
    </message>
    <message>
        <source>请上传退款凭证图片</source>
        <translation>Please add a picture of the refund proof</translation>
    </message>
    <message>
        <source>只有换货售后需要发出新货</source>
        <translation>Only an exchange ships new goods</translation>
    </message>
    <message>
        <source>请选择快递公司</source>
        <translation>Please choose a carrier</translation>
    </message>
    <message>
        <source>请填写快递单号</source>
        <translation>Please enter the tracking number</translation>
    </message>
    <message>
        <source>只有换货售后可以拒绝发货</source>
        <translation>Only an exchange can refuse to ship</translation>
    </message>
    <message>
        <source>售后单 %1 不存在，请先同步</source>
        <translation>Case %1 is not in the cache; sync first</translation>
    </message>
    <message>
        <source>售后单 %1 已有待同步的处理，请等同步完成</source>
        <translation>Case %1 already has an answer waiting to sync; wait for the sync</translation>
    </message>
    <message>
        <source>订单 %1 的申请已处理，正在同步</source>
        <translation>The request on order %1 is answered and syncing</translation>
    </message>
    <message>
        <source>未登录店铺或处于离线状态，无法连接微信小店</source>
        <translation>Not signed in to the shop or offline: cannot reach WeChat Store</translation>
    </message>
    <message>
        <source>这个协商原因需要上传凭证图片</source>
        <translation>This reason needs proof pictures</translation>
    </message>
    <message>
        <source>请输入金额，例如 %1.%2（最多两位小数）</source>
        <translation>Enter an amount, e.g. %1.%2 (at most two decimals)</translation>
    </message>
    <message>
        <source>未知状态 %1</source>
        <translation>Unknown status %1</translation>
    </message>
    <message>
        <source>生鲜商品，无需退货直接退款</source>
        <translation>Fresh goods: refund without return</translation>
    </message>
    <message>
        <source>新方案已与买家协商一致</source>
        <translation>New plan agreed with the buyer</translation>
    </message>
    <message>
        <source>仅修改退款金额</source>
        <translation>Change the refund amount only</translation>
    </message>
    <message>
        <source>联系不上买家，请补充凭证</source>
        <translation>Buyer unreachable, please add proof</translation>
    </message>
    <message>
        <source>已发货，拦截失败</source>
        <translation>Shipped, interception failed</translation>
    </message>
    <message>
        <source>同意售后</source>
        <translation>Accept the case</translation>
    </message>
    <message>
        <source>拒绝售后</source>
        <translation>Reject the case</translation>
    </message>
    <message>
        <source>与买家协商</source>
        <translation>Negotiate with the buyer</translation>
    </message>
    <message>
        <source>上传线下退款凭证</source>
        <translation>Upload offline refund proof</translation>
    </message>
    <message>
        <source>换货：发出新商品</source>
        <translation>Exchange: ship the new goods</translation>
    </message>
    <message>
        <source>（新地址）</source>
        <translation>(new address)</translation>
    </message>
    <message>
        <source>售后协商</source>
        <translation>Negotiate the case</translation>
    </message>
    <message>
        <source>同意改地址</source>
        <translation>Accept the address change</translation>
    </message>
    <message>
        <source>拒绝改地址</source>
        <translation>Reject the address change</translation>
    </message>
    <message>
        <source>同意换款</source>
        <translation>Accept the SKU change</translation>
    </message>
    <message>
        <source>拒绝换款</source>
        <translation>Reject the SKU change</translation>
    </message>
    <message>
        <source>售后单 %1 当前为“%2”，不能%3</source>
        <translation>Case %1 is now “%2”: “%3” is not possible</translation>
    </message>
    <message>
        <source>协商金额必须大于 0 且不超过申请金额</source>
        <translation>The proposed amount must be more than 0 and at most the amount asked for</translation>
    </message>
    <message>
        <source>未知的买家申请类型 %1</source>
        <translation>Unknown kind of buyer request: %1</translation>
    </message>
    <message>
        <source>订单 %1 没有待处理的%2申请</source>
        <translation>Order %1 has no pending request (%2)</translation>
    </message>
    <message>
        <source>售后单未同步：%1</source>
        <translation>After-sale cases not synced: %1</translation>
    </message>
    <message>
        <source>发货前换款申请未同步：%1</source>
        <translation>SKU change requests not synced: %1</translation>
    </message>
    <message>
        <source>售后单 %1 的数据无法解析，已跳过，下次同步重试（%2）</source>
        <translation>Case %1 could not be read and was skipped; the next sync tries again (%2)</translation>
    </message>
    <message>
        <source>售后单 %1 暂时无法读取，已跳过，下次同步重试（%2）</source>
        <translation>Case %1 cannot be read right now and was skipped; the next sync tries again (%2)</translation>
    </message>
    <message>
        <source>拦截，未发货：%1</source>
        <translation>Stopped before shipping (not shipped): %1</translation>
    </message>
    <message>
        <source>拦截，未取号：%1</source>
        <translation>Stopped before taking a waybill (none taken): %1</translation>
    </message>
    <message>
        <source>售后单不存在</source>
        <translation>The after-sale case does not exist</translation>
    </message>
    <message>
        <source>售后单当前状态不允许此操作</source>
        <translation>The case&apos;s current status does not allow this</translation>
    </message>
    <message>
        <source>售后单当前状态不支持此操作，请刷新后再处理</source>
        <translation>The case&apos;s current status does not support this; sync and try again</translation>
    </message>
    <message>
        <source>退款失败</source>
        <translation>The refund failed</translation>
    </message>
    <message>
        <source>退款金额不足</source>
        <translation>Not enough left to refund</translation>
    </message>
    <message>
        <source>买家已发起纠纷，平台处理中</source>
        <translation>The buyer opened a dispute; the platform is handling it</translation>
    </message>
    <message>
        <source>同意退货需要选择退货地址</source>
        <translation>Accepting a return needs a return address</translation>
    </message>
    <message>
        <source>同一订单每分钟只能退款一次</source>
        <translation>Only one refund per order per minute; try again in a minute</translation>
    </message>
    <message>
        <source>请选择退货地址</source>
        <translation>Please choose a return address</translation>
    </message>
    <message>
        <source>退货地址无效</source>
        <translation>The return address is not valid</translation>
    </message>
    <message>
        <source>售后单平台处理中，暂不能操作</source>
        <translation>The platform is handling this case; it cannot be answered now</translation>
    </message>
    <message>
        <source>该售后单需先与买家协商，不能直接拒绝</source>
        <translation>This case cannot be rejected directly: negotiate with the buyer first</translation>
    </message>
    <message>
        <source>当前订单不支持此操作</source>
        <translation>This order does not support this operation</translation>
    </message>
</context>
<context>
    <name>AfterSaleScreen</name>
    <message>
        <source>搜索售后单号、订单号、商品、买家说明（Ctrl+F）</source>
        <translation>Search case id, order id, product, buyer&apos;s words (Ctrl+F)</translation>
    </message>
    <message>
        <source>同意申请</source>
        <translation>Accept request</translation>
    </message>
    <message>
        <source>拒绝申请</source>
        <translation>Reject request</translation>
    </message>
    <message>
        <source>查看订单</source>
        <translation>Show order</translation>
    </message>
    <message>
        <source>申请处理前，订单不能取号、打印或发货。同意改地址后，已打印的面单须取消并重新取号。</source>
        <translation>Until a request is answered its order gets no waybill, label or shipment. After accepting an address change, cancel a printed label and take a new waybill.</translation>
    </message>
    <message>
        <source>买家申请</source>
        <translation>Buyer requests</translation>
    </message>
    <message numerus="yes">
        <source>%n 个申请</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个售后单</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>选择图片…</source>
        <translation>Choose pictures…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 · %2 · 订单 %3</source>
        <translation>%1 · %2 · order %3</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>退货地址</source>
        <translation>Return address</translation>
    </message>
    <message>
        <source>同意后买家将把商品寄回所选地址。</source>
        <translation>The buyer will send the goods back to the chosen address.</translation>
    </message>
    <message>
        <source>同意后将立即退款 %1 给买家，此操作不能撤回。</source>
        <translation>Accepting refunds %1 to the buyer at once. This cannot be undone.</translation>
    </message>
    <message>
        <source>同意买家的售后申请。</source>
        <translation>Accept the buyer&apos;s request.</translation>
    </message>
    <message>
        <source>确认退款 %1</source>
        <translation>Refund %1</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>拒绝原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>给买家的说明</source>
        <translation>Note to the buyer</translation>
    </message>
    <message>
        <source>买家可以修改申请或申请平台介入。</source>
        <translation>The buyer may change the request or ask the platform to step in.</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>协商原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>退款金额（元）</source>
        <translation>Refund (¥)</translation>
    </message>
    <message>
        <source>买家同意新方案后，平台按新金额退款。</source>
        <translation>If the buyer agrees, the platform refunds the new amount.</translation>
    </message>
    <message>
        <source>发送协商</source>
        <translation>Send proposal</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>平台退款失败：请先线下退款 %1，再上传转账凭证。</source>
        <translation>The platform refund failed: refund %1 offline first, then upload the transfer proof.</translation>
    </message>
    <message>
        <source>上传凭证</source>
        <translation>Upload proof</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>确认已收到退回的商品，并发出新商品。</source>
        <translation>Confirm the return arrived and ship the new goods.</translation>
    </message>
    <message>
        <source>确认发货</source>
        <translation>Ship</translation>
    </message>
    <message>
        <source>读取中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>微信小店没有返回可选项，请在小店后台设置后再试</source>
        <translation>WeChat Store returned no choices; set them up in the store backend and try again</translation>
    </message>
    <message>
        <source>【默认】</source>
        <translation>[default] </translation>
    </message>
    <message>
        <source>选择凭证图片</source>
        <translation>Choose proof pictures</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png)</source>
        <translation>Pictures (*.jpg *.jpeg *.png)</translation>
    </message>
    <message numerus="yes">
        <source>已选 %n 张</source>
        <translation>
            <numerusform>%n chosen</numerusform>
            <numerusform>%n chosen</numerusform>
        </translation>
    </message>
    <message>
        <source>读取图片失败：%1</source>
        <translation>Cannot read the picture: %1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>店铺已在别处打开</source>
        <translation>Shop open elsewhere</translation>
    </message>
    <message>
        <source>它关闭后这里会自动继续；也可以现在退出。</source>
        <translation>This window continues by itself once the other one closes; or quit now.</translation>
    </message>
    <message>
        <source>损坏的文件中的待同步队列完全无法读取：如果有未同步的修改，它们已经丢失。请在微信小店后台核对最近的修改。</source>
        <translation>The queue of unsynced changes in the damaged file could not be read at all: any unsynced changes in it are lost. Please check your recent changes in the WeChat Store back office.</translation>
    </message>
    <message numerus="yes">
        <source>已把 %n 条未同步的修改放回新的缓存，下次同步时发送。</source>
        <translation>
            <numerusform>%n unsynced change was put back into the new cache; it is sent at the next sync.</numerusform>
            <numerusform>%n unsynced changes were put back into the new cache; they are sent at the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>有 %n 条记录无法读取，其中可能有未同步的修改。请在微信小店后台核对最近的修改。</source>
        <translation>
            <numerusform>%n record could not be read; it may have been an unsynced change. Please check your recent changes in the WeChat Store back office.</numerusform>
            <numerusform>%n records could not be read; some may have been unsynced changes. Please check your recent changes in the WeChat Store back office.</numerusform>
        </translation>
    </message>
    <message>
        <source>没有未同步的修改。</source>
        <translation>There were no unsynced changes.</translation>
    </message>
    <message numerus="yes">
        <source>有 %n 张已取号的电子面单记录无法读取：下次同步时先向微信小店核对，核对前不会为这些订单再取号。</source>
        <translation>
            <numerusform>The record of %n e-waybill already taken could not be read: the next sync checks it with the WeChat Store first, and no new number is taken for its order until then.</numerusform>
            <numerusform>The records of %n e-waybills already taken could not be read: the next sync checks them with the WeChat Store first, and no new number is taken for their orders until then.</numerusform>
        </translation>
    </message>
    <message>
        <source>部分电子面单或打印记录无法读取。为订单取号前，请在微信小店后台核对它是否已有面单。</source>
        <translation>Some e-waybill or print records could not be read. Before taking a waybill for an order, check in the WeChat Store back office whether it already has one.</translation>
    </message>
    <message>
        <source>部分设置（店铺归属、面单账号的寄件地址）无法读取。为订单取号前，请在“寄件地址…”中核对寄件地址。</source>
        <translation>Some settings (which shop the cache belongs to, the sender addresses of the waybill accounts) could not be read. Before taking waybills, check the sender address under “Sender address…”.</translation>
    </message>
    <message>
        <source>读出的修改另存在：
%1</source>
        <translation>The changes read were also saved to:
%1</translation>
    </message>
    <message>
        <source>损坏的文件已移到：
%1</source>
        <translation>The damaged file was moved to:
%1</translation>
    </message>
    <message>
        <source>缓存文件已损坏</source>
        <translation>Cache file damaged</translation>
    </message>
    <message>
        <source>可以重建缓存：未同步的修改会先读出并放回新的缓存，然后从微信小店重新下载店铺数据。</source>
        <translation>The cache can be rebuilt: unsynced changes are read out and put back into the new cache, then the shop data is downloaded again from WeChat Store.</translation>
    </message>
    <message>
        <source>重建缓存（保留未同步的修改）</source>
        <translation>Rebuild the cache (keep unsynced changes)</translation>
    </message>
    <message>
        <source>缓存已重建</source>
        <translation>Cache rebuilt</translation>
    </message>
    <message>
        <source>缓存文件版本过新</source>
        <translation>Cache from a newer version</translation>
    </message>
    <message>
        <source>小店桌面</source>
        <translation>Seller Desktop</translation>
    </message>
    <message>
        <source>无法使用数据目录</source>
        <translation>Cannot use the data folder</translation>
    </message>
</context>
<context>
    <name>Carriers</name>
    <message>
        <source>顺丰速运</source>
        <translation>SF Express</translation>
    </message>
    <message>
        <source>顺丰快递</source>
        <translation>SF Express</translation>
    </message>
    <message>
        <source>中通快递</source>
        <translation>ZTO Express</translation>
    </message>
    <message>
        <source>圆通速递</source>
        <translation>YTO Express</translation>
    </message>
    <message>
        <source>圆通快递</source>
        <translation>YTO Express</translation>
    </message>
    <message>
        <source>申通快递</source>
        <translation>STO Express</translation>
    </message>
    <message>
        <source>韵达速递</source>
        <translation>Yunda Express</translation>
    </message>
    <message>
        <source>韵达快递</source>
        <translation>Yunda Express</translation>
    </message>
    <message>
        <source>邮政快递包裹</source>
        <translation>China Post</translation>
    </message>
    <message>
        <source>中国邮政</source>
        <translation>China Post</translation>
    </message>
    <message>
        <source>中国邮政速递物流</source>
        <translation>China Post EMS</translation>
    </message>
    <message>
        <source>EMS</source>
        <translation>EMS</translation>
    </message>
    <message>
        <source>京东物流</source>
        <translation>JD Logistics</translation>
    </message>
    <message>
        <source>京东快递</source>
        <translation>JD Express</translation>
    </message>
    <message>
        <source>极兔速递</source>
        <translation>J&amp;T Express</translation>
    </message>
    <message>
        <source>德邦快递</source>
        <translation>Deppon Express</translation>
    </message>
    <message>
        <source>德邦物流</source>
        <translation>Deppon Logistics</translation>
    </message>
    <message>
        <source>百世快递</source>
        <translation>Best Express</translation>
    </message>
    <message>
        <source>顺心捷达</source>
        <translation>Shunxin Jieda Express</translation>
    </message>
    <message>
        <source>丰网速运</source>
        <translation>Fengwang Express</translation>
    </message>
    <message>
        <source>宅急送</source>
        <translation>ZJS Express</translation>
    </message>
    <message>
        <source>跨越速运</source>
        <translation>Kuayue Express</translation>
    </message>
    <message>
        <source>安能物流</source>
        <translation>ANE Logistics</translation>
    </message>
    <message>
        <source>优速快递</source>
        <translation>UC Express</translation>
    </message>
    <message>
        <source>中通快运</source>
        <translation>ZTO Freight</translation>
    </message>
    <message>
        <source>韵达快运</source>
        <translation>Yunda Freight</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other carrier</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>等待</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>退款金额</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>买家说明</source>
        <translation>Buyer&apos;s words</translation>
    </message>
    <message>
        <source>凭证图片</source>
        <translation>Proof pictures</translation>
    </message>
    <message>
        <source>同意…</source>
        <translation>Accept…</translation>
    </message>
    <message>
        <source>拒绝…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>协商…</source>
        <translation>Negotiate…</translation>
    </message>
    <message>
        <source>上传退款凭证…</source>
        <translation>Upload refund proof…</translation>
    </message>
    <message>
        <source>换货发货…</source>
        <translation>Ship the exchange…</translation>
    </message>
    <message>
        <source>拒绝换货发货…</source>
        <translation>Refuse to ship the exchange…</translation>
    </message>
    <message>
        <source>查看订单</source>
        <translation>Show order</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>小计</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>物流</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>买家退货</source>
        <translation>Return from the buyer</translation>
    </message>
    <message>
        <source>换货发出</source>
        <translation>Exchange shipped</translation>
    </message>
    <message>
        <source>处理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>已到期</source>
        <translation>Time is up</translation>
    </message>
    <message>
        <source>选择一个售后单查看详情</source>
        <translation>Select a case to see its details</translation>
    </message>
    <message>
        <source>售后单 %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>（%1 处理中，等待同步）</source>
        <translation> (%1 in progress, waiting to sync)</translation>
    </message>
    <message>
        <source>上次处理被微信小店拒绝：%1</source>
        <translation>WeChat Store refused the last answer: %1</translation>
    </message>
    <message numerus="yes">
        <source>（%n 件）</source>
        <translation>
            <numerusform> (%n item)</numerusform>
            <numerusform> (%n items)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>售后单号</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>退款金额</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>已到期</source>
        <translation>Time is up</translation>
    </message>
    <message>
        <source>%1 · 处理中（%2）</source>
        <translation>%1 · in progress (%2)</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>解决冲突</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <source>这些字段在你修改的同时也在微信小店后台被修改了。请逐个字段选择保留哪一边；一个商品的字段都选好后即会生效并同步。</source>
        <translation>These fields were also changed in the WeChat Store back office while you edited them. Choose which side to keep for each field; once every field of a product has a choice, it takes effect and syncs.</translation>
    </message>
    <message>
        <source>保留我的</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>采用服务器的</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>短标题</source>
        <translation>Short title</translation>
    </message>
    <message>
        <source>主图</source>
        <translation>Main images</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>详情图</source>
        <translation>Description images</translation>
    </message>
    <message>
        <source>商品编码</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>划线价</source>
        <translation>List price</translation>
    </message>
    <message>
        <source>SKU 编码</source>
        <translation>SKU code</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <source>SKU 图片</source>
        <translation>SKU image</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>整个 SKU %1</source>
        <translation>Whole SKU %1</translation>
    </message>
    <message>
        <source>%1（SKU %2）</source>
        <translation>%1 (SKU %2)</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>我的修改</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>服务器上的</source>
        <translation>Theirs (server)</translation>
    </message>
    <message>
        <source>选择</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>保留我的</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>采用服务器的</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>未选择</source>
        <translation>Not chosen</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>连接微信小店</source>
        <translation>Connect your WeChat Store</translation>
    </message>
    <message>
        <source>wx 开头，在%1获取</source>
        <translation>starts with wx; find it in %1</translation>
    </message>
    <message>
        <source>在%1查看或重置</source>
        <translation>view or reset it in %1</translation>
    </message>
    <message>
        <source>高级：API 地址</source>
        <translation>Advanced: API address</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>复制 IP</source>
        <translation>Copy IP</translation>
    </message>
    <message>
        <source>保存并连接</source>
        <translation>Save and connect</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>填写店铺的 AppID 和 AppSecret（在%1），先测试连接，成功后保存。AppSecret 保存在系统钥匙串中，不会写入任何文件。</source>
        <translation>Enter the shop&apos;s AppID and AppSecret (in %1), test the connection, then save. The AppSecret is kept in the system keyring, never written to a file.</translation>
    </message>
    <message>
        <source>注意：环境变量 %1 / %2 已设置，运行时优先使用其中的账号。</source>
        <translation>Note: the environment variables %1 / %2 are set; the app uses that account first.</translation>
    </message>
    <message>
        <source>AppID</source>
        <translation>AppID</translation>
    </message>
    <message>
        <source>AppSecret</source>
        <translation>AppSecret</translation>
    </message>
    <message>
        <source>先用演示店铺</source>
        <translation>Try the demo shop</translation>
    </message>
    <message>
        <source>API 地址须以 https:// 开头（本机沙盒可用 http://127.0.0.1）</source>
        <translation>The API address must start with https:// (a sandbox on this computer may use http://127.0.0.1)</translation>
    </message>
    <message>
        <source>请填写 AppID</source>
        <translation>Please enter the AppID</translation>
    </message>
    <message>
        <source>请填写 AppSecret</source>
        <translation>Please enter the AppSecret</translation>
    </message>
    <message>
        <source>正在连接 %1 …</source>
        <translation>Connecting to %1 …</translation>
    </message>
    <message>
        <source>连接成功：店铺「%1」。点「保存并连接」开始同步。</source>
        <translation>Connected: shop “%1”. Click “Save and connect” to start syncing.</translation>
    </message>
    <message>
        <source>AppID 不正确（%2）。请到%1复制 AppID（wx 开头），粘贴时不要带空格。</source>
        <translation>The AppID is wrong (%2). Copy the AppID (it starts with wx) from %1, without spaces.</translation>
    </message>
    <message>
        <source>AppSecret 不正确（%2）。请到%1查看或重置 AppSecret 后重新粘贴；重置后旧的 AppSecret 立即失效，其他用它的工具也要更新。</source>
        <translation>The AppSecret is wrong (%2). View or reset it in %1 and paste it again; resetting it stops the old one at once, so update any other tool that uses it.</translation>
    </message>
    <message>
        <source>这台电脑的公网 IP %3 不在店铺的 API IP 白名单中（%2）。请在%1（获取 AppID 的页面）的「IP白名单」中添加 %3，保存后再点「测试连接」。</source>
        <translation>This computer&apos;s public IP %3 is not in the shop&apos;s API IP whitelist (%2). Add %3 to the IP whitelist in %1 (the page with the AppID), save, then click “Test connection” again.</translation>
    </message>
    <message>
        <source>这台电脑的公网 IP 不在店铺的 API IP 白名单中（%2）。请在%1（获取 AppID 的页面）的「IP白名单」中添加本机的公网 IP（可在浏览器中搜索“IP”查看），保存后再点「测试连接」。</source>
        <translation>This computer&apos;s public IP is not in the shop&apos;s API IP whitelist (%2). Add this computer&apos;s public IP (search “my IP” in a browser to see it) to the IP whitelist in %1 (the page with the AppID), save, then click “Test connection” again.</translation>
    </message>
    <message>
        <source>AppID 和 AppSecret 正确，但这个应用没有调用店铺接口的权限（%2）。请在%1确认已开通商品、订单和物流接口的权限，然后再测试。</source>
        <translation>The AppID and AppSecret are right, but this app may not call the shop&apos;s APIs (%2). In %1, make sure the product, order and logistics API permissions are enabled, then test again.</translation>
    </message>
    <message>
        <source>找不到服务器 %4：这台电脑可能没有联网，或 DNS 不可用。请检查网络后再测试。</source>
        <translation>Cannot find the server %4: this computer may be offline, or DNS is not working. Check the network, then test again.</translation>
    </message>
    <message>
        <source>连接不上 %4：请检查网络、代理或防火墙后再测试。</source>
        <translation>Cannot connect to %4: check the network, proxy or firewall, then test again.</translation>
    </message>
    <message>
        <source>%4 在 %5 秒内没有响应：网络太慢或被拦截，请稍后再测试。</source>
        <translation>%4 did not answer within %5 seconds: the network is too slow or blocked. Test again later.</translation>
    </message>
    <message>
        <source>%4 返回的是一个网页而不是微信小店的回复：所在的网络（酒店、商场的 Wi-Fi）可能要先在浏览器中登录。登录后再测试；若填写了 API 地址，请检查是否正确。</source>
        <translation>%4 answered with a web page, not the WeChat Store: this network (hotel or mall Wi-Fi) may need you to log in in a browser first. Log in, then test again; if you entered an API address, check it.</translation>
    </message>
    <message>
        <source>测试连接失败：%6</source>
        <translation>The connection test failed: %6</translation>
    </message>
    <message>
        <source>请先测试连接</source>
        <translation>Please test the connection first</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>诊断信息</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>复制报告</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>报告中没有 AppSecret、令牌和买家信息，可以放心发给客服。</source>
        <translation>The report holds no AppSecret, no token and no buyer data: it is safe to send to support.</translation>
    </message>
    <message>
        <source>运行环境</source>
        <translation>Runs on</translation>
    </message>
    <message>
        <source>操作系统</source>
        <translation>Operating system</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>店铺</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>演示店铺</source>
        <translation>Demo shop</translation>
    </message>
    <message>
        <source>未连接</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>店铺文件夹</source>
        <translation>Shop folder</translation>
    </message>
    <message>
        <source>日志文件</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>默认打印机</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>打印组件</source>
        <translation>Print component</translation>
    </message>
    <message>
        <source>检测中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>小店桌面版本</source>
        <translation>Seller Desktop version</translation>
    </message>
    <message>
        <source>本地修改</source>
        <translation>Local changes</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n 条待推送</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 条失败</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个冲突</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>接口连接</source>
        <translation>API connection</translation>
    </message>
    <message>
        <source>访问令牌</source>
        <translation>Access token</translation>
    </message>
    <message>
        <source>AppID 不正确</source>
        <translation>wrong AppID</translation>
    </message>
    <message>
        <source>AppSecret 不正确</source>
        <translation>wrong AppSecret</translation>
    </message>
    <message>
        <source>本机 IP 不在白名单中</source>
        <translation>this computer&apos;s IP is not in the whitelist</translation>
    </message>
    <message>
        <source>没有接口权限</source>
        <translation>no permission for the API</translation>
    </message>
    <message>
        <source>找不到服务器</source>
        <translation>server not found</translation>
    </message>
    <message>
        <source>连接不上</source>
        <translation>cannot connect</translation>
    </message>
    <message>
        <source>响应超时</source>
        <translation>no answer in time</translation>
    </message>
    <message>
        <source>网络需要先登录（Wi-Fi）</source>
        <translation>the network asks for a login (Wi-Fi)</translation>
    </message>
    <message>
        <source>其他错误</source>
        <translation>another error</translation>
    </message>
    <message>
        <source>未连接店铺</source>
        <translation>No shop connected</translation>
    </message>
    <message>
        <source>不可用：%1</source>
        <translation>unavailable: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n 分钟前获取</source>
        <translation>
            <numerusform>obtained %n minute ago</numerusform>
            <numerusform>obtained %n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>版本 %1，%n 台打印机</source>
        <translation>
            <numerusform>version %1, %n printer</numerusform>
            <numerusform>version %1, %n printers</numerusform>
        </translation>
    </message>
    <message>
        <source>可连接（%1 毫秒）</source>
        <translation>Reachable (%1 ms)</translation>
    </message>
    <message>
        <source>未检测到（需要安装并打开）</source>
        <translation>Not found (install and open it)</translation>
    </message>
    <message>
        <source>未检测到（只有 Windows 和 macOS 版）</source>
        <translation>Not found (it exists for Windows and macOS only)</translation>
    </message>
    <message>
        <source>已复制到剪贴板</source>
        <translation>Copied to the clipboard</translation>
    </message>
</context>
<context>
    <name>FailedChangesDialog</name>
    <message>
        <source>失败的修改</source>
        <translation>Failed changes</translation>
    </message>
    <message>
        <source>微信小店拒绝了这些修改（原因见右侧）。处理好原因后点“重试”；不再需要时点“放弃”，本地会恢复为店铺上的内容。同一商品或订单后面的修改会排队等待，直到前面的修改处理完。</source>
        <translation>WeChat Store refused these changes (reasons on the right). Fix the cause, then click Retry; if a change is no longer needed, click Drop and the local copy shows the store&apos;s again. Later changes to the same product or order wait in line until the earlier one is settled.</translation>
    </message>
    <message>
        <source>没有失败的修改。</source>
        <translation>No failed changes.</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>放弃…</source>
        <translation>Drop…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>放弃 %n 项被拒绝的修改？它们不会再发送，本地会恢复为店铺上的内容。</source>
        <translation>
            <numerusform>Drop the refused change? It will not be sent again, and the local copy shows the store&apos;s again.</numerusform>
            <numerusform>Drop %n refused changes? They will not be sent again, and the local copy shows the store&apos;s again.</numerusform>
        </translation>
    </message>
    <message>
        <source>放弃这些修改？</source>
        <translation>Drop these changes?</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>保留</source>
        <translation>Keep</translation>
    </message>
</context>
<context>
    <name>FailedChangesModel</name>
    <message>
        <source>商品 %1</source>
        <translation>Product %1</translation>
    </message>
    <message>
        <source>订单 %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>订单 %1 的面单</source>
        <translation>Waybill of order %1</translation>
    </message>
    <message>
        <source>库存 %1（SKU %2）</source>
        <translation>Stock %1 (SKU %2)</translation>
    </message>
    <message>
        <source>商家备注：%1</source>
        <translation>Merchant note: %1</translation>
    </message>
    <message>
        <source>礼物留言：%1</source>
        <translation>Gift note: %1</translation>
    </message>
    <message>
        <source>发货：%1 %2</source>
        <translation>Ship: %1 %2</translation>
    </message>
    <message>
        <source>电子面单取号（%1）</source>
        <translation>Request e-waybill (%1)</translation>
    </message>
    <message>
        <source>取消电子面单 %1</source>
        <translation>Cancel e-waybill %1</translation>
    </message>
    <message>
        <source>面单打印回传 %1</source>
        <translation>Report label printed %1</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>排在失败的修改之后</source>
        <translation>Waiting behind a failed change</translation>
    </message>
    <message>
        <source>排在冲突之后</source>
        <translation>Waiting behind a conflict</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>新建商品</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>修改商品信息</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>上架</source>
        <translation>List</translation>
    </message>
    <message>
        <source>下架</source>
        <translation>Delist</translation>
    </message>
    <message>
        <source>删除商品</source>
        <translation>Delete product</translation>
    </message>
    <message>
        <source>同意售后</source>
        <translation>Accept after-sale request</translation>
    </message>
    <message>
        <source>拒绝售后</source>
        <translation>Reject after-sale request</translation>
    </message>
    <message>
        <source>售后协商</source>
        <translation>Propose after-sale terms</translation>
    </message>
    <message>
        <source>上传退款凭证</source>
        <translation>Upload refund proof</translation>
    </message>
    <message>
        <source>换货发货</source>
        <translation>Ship the exchange</translation>
    </message>
    <message>
        <source>拒绝换货发货</source>
        <translation>Refuse to ship the exchange</translation>
    </message>
    <message>
        <source>同意改地址</source>
        <translation>Accept address change</translation>
    </message>
    <message>
        <source>拒绝改地址</source>
        <translation>Reject address change</translation>
    </message>
    <message>
        <source>同意换款</source>
        <translation>Approve SKU change</translation>
    </message>
    <message>
        <source>拒绝换款</source>
        <translation>Reject SKU change</translation>
    </message>
</context>
<context>
    <name>FileWritten</name>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open its folder</translation>
    </message>
    <message>
        <source>已保存：</source>
        <translation>Saved:</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>面单</source>
        <translation>labels</translation>
    </message>
    <message>
        <source>拣货单</source>
        <translation>pick-list</translation>
    </message>
    <message>
        <source>发货单</source>
        <translation>packing-slips</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>GiftsModel</name>
    <message>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>收下已过</source>
        <translation>Since accepted</translation>
    </message>
    <message>
        <source>过期时间</source>
        <translation>Expired at</translation>
    </message>
    <message>
        <source>礼物</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>送礼人</source>
        <translation>Giver</translation>
    </message>
    <message>
        <source>礼物留言</source>
        <translation>Gift note</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>收礼人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>即将过期</source>
        <translation>Expiring</translation>
    </message>
    <message>
        <source>等待收下</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>未收下，已退款</source>
        <translation>Not accepted, refunded</translation>
    </message>
</context>
<context>
    <name>GiftsScreen</name>
    <message>
        <source>礼物需收礼人在 24 小时内填写地址并收下；收下后即变为待发货订单。双击一行查看订单。</source>
        <translation>A gift must be accepted by its recipient (who fills in an address) within 24 hours; then it becomes an order to ship. Double-click a row to open the order.</translation>
    </message>
    <message>
        <source>等待收下（%1）</source>
        <translation>Awaiting acceptance (%1)</translation>
    </message>
    <message>
        <source>已收下，待发货（%1）</source>
        <translation>Accepted, to ship (%1)</translation>
    </message>
    <message>
        <source>已过期（%1）</source>
        <translation>Expired (%1)</translation>
    </message>
    <message numerus="yes">
        <source>，显示最近 %n 个</source>
        <translation>
            <numerusform>, the latest %n shown</numerusform>
            <numerusform>, the latest %n shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Issues</name>
    <message>
        <source>请填写商品标题</source>
        <translation>Please enter a title</translation>
    </message>
    <message>
        <source>标题至少 %1 个字（现在 %2 个）</source>
        <translation>The title needs at least %1 characters (now %2)</translation>
    </message>
    <message>
        <source>标题最多 %1 个字（现在 %2 个）</source>
        <translation>The title can have at most %1 characters (now %2)</translation>
    </message>
    <message>
        <source>标题不能只有数字、字母或符号，请包含中文</source>
        <translation>The title cannot be only digits, letters or symbols: include Chinese</translation>
    </message>
    <message>
        <source>短标题最多 %1 个字</source>
        <translation>The short title can have at most %1 characters</translation>
    </message>
    <message>
        <source>主图最多 %1 张</source>
        <translation>At most %1 main images</translation>
    </message>
    <message>
        <source>主图至少 %1 张（现在 %2 张）</source>
        <translation>At least %1 main images (now %2)</translation>
    </message>
    <message>
        <source>主图不能重复</source>
        <translation>Main images must be different</translation>
    </message>
    <message>
        <source>请选择商品类目（可沿用已有商品的类目和设置）</source>
        <translation>Choose a category (you can reuse an existing product&apos;s category and settings)</translation>
    </message>
    <message>
        <source>快递发货的商品需要运费模板</source>
        <translation>A product shipped by express needs a freight template</translation>
    </message>
    <message>
        <source>请设置售后服务（七天无理由退货、运费险）</source>
        <translation>Set the after-sale service (7-day returns, shipping insurance)</translation>
    </message>
    <message>
        <source>SKU 数量须在 %1–%2 个之间</source>
        <translation>A product needs %1–%2 SKUs</translation>
    </message>
    <message>
        <source>售价必须大于 %1 元</source>
        <translation>The price must be more than ¥%1</translation>
    </message>
    <message>
        <source>售价不能超过 %1 万元</source>
        <translation>The price cannot exceed ¥%1 0000</translation>
    </message>
    <message>
        <source>划线价必须高于售价</source>
        <translation>The list price must be higher than the price</translation>
    </message>
    <message>
        <source>库存不能为负数</source>
        <translation>Stock cannot be negative</translation>
    </message>
    <message>
        <source>库存不能超过 %1 万</source>
        <translation>Stock cannot exceed %1 0000</translation>
    </message>
    <message>
        <source>SKU 编码不能超过 %1 个字符</source>
        <translation>The SKU code can have at most %1 characters</translation>
    </message>
    <message>
        <source>规格名和规格值都不能为空</source>
        <translation>Attribute names and values cannot be empty</translation>
    </message>
    <message>
        <source>规格名和规格值不能超过 %1 个字符</source>
        <translation>Attribute names and values can have at most %1 characters</translation>
    </message>
    <message>
        <source>两个 SKU 的规格完全相同</source>
        <translation>Two SKUs have exactly the same attributes</translation>
    </message>
    <message>
        <source>商品正在审核中，请先撤回审核再修改</source>
        <translation>The product is in review: withdraw the review before editing</translation>
    </message>
    <message>
        <source>同一规格名下最多 %1 个不同的规格值</source>
        <translation>At most %1 different values under one attribute name</translation>
    </message>
</context>
<context>
    <name>LabelPath</name>
    <message>
        <source>面单由本软件绘制，作为图片经微信小店打印组件%1打印（打印设置：全部通过打印组件）：演示或沙盒店铺没有快递公司的模板。</source>
        <translation>Labels are drawn by this app and printed as images through the WeChat Store print component%1 (Print settings: everything through the print component): a demo or sandbox shop has no carrier template.</translation>
    </message>
    <message>
        <source>面单走微信小店打印组件%1：快递公司的面单模板只有它能按取号返回的打印数据渲染。</source>
        <translation>Labels go through WeChat&apos;s print component%1: only it renders the carrier&apos;s template from the waybill&apos;s print data.</translation>
    </message>
    <message>
        <source>面单由本软件绘制：演示或沙盒店铺没有快递公司的模板。</source>
        <translation>Labels are drawn by this app: the demo or sandbox shop has no carrier templates.</translation>
    </message>
    <message>
        <source>PDF 文件</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <source>面单由本软件绘制（你选择了 %1）。打印组件 %2 可用，快递公司要求其模板时请在“打印到”中选它。</source>
        <translation>Labels are drawn by this app (you chose %1). Print component %2 is available: choose it under “Print to” when the carrier requires its template.</translation>
    </message>
    <message>
        <source>正在检测微信小店打印组件…</source>
        <translation>Looking for WeChat&apos;s print component…</translation>
    </message>
    <message>
        <source>面单由本软件绘制：未检测到微信小店打印组件。快递公司要求其模板时，请安装并打开打印组件。</source>
        <translation>Labels are drawn by this app: WeChat&apos;s print component was not found. Install and open it when the carrier requires its template.</translation>
    </message>
    <message>
        <source>面单由本软件绘制：微信小店打印组件只有 Windows 和 macOS 版。</source>
        <translation>Labels are drawn by this app: WeChat&apos;s print component exists for Windows and macOS only.</translation>
    </message>
</context>
<context>
    <name>LabelPreview</name>
    <message>
        <source>收件人姓名和电话按微信小店接口返回的样子打印（已打码，保护买家隐私）；完整地址已在取号时交给快递公司，派件不受影响。</source>
        <translation>The recipient&apos;s name and phone print as the WeChat Store API gives them (masked, to protect the buyer&apos;s privacy); the carrier received the full address when the number was taken, so delivery is not affected.</translation>
    </message>
    <message>
        <source>选择一个已取号的订单，这里按实际尺寸预览面单</source>
        <translation>Select an order with a waybill number to preview its label at actual size here</translation>
    </message>
    <message>
        <source>%1 × %2 mm，实际尺寸（屏幕 %3 dpi）</source>
        <translation>%1 × %2 mm, actual size (screen %3 dpi)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>未上架</source>
        <translation>Not listed</translation>
    </message>
    <message>
        <source>在售</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>回收站</source>
        <translation>In recycle bin</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>已下架</source>
        <translation>Delisted</translation>
    </message>
    <message>
        <source>已售罄</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <source>违规下架</source>
        <translation>Removed (violation)</translation>
    </message>
    <message>
        <source>保证金不足</source>
        <translation>Deposit too low</translation>
    </message>
    <message>
        <source>资质过期</source>
        <translation>Qualification expired</translation>
    </message>
    <message>
        <source>封禁</source>
        <translation>Banned</translation>
    </message>
    <message>
        <source>编辑中</source>
        <translation>Editing</translation>
    </message>
    <message>
        <source>审核中</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>审核未通过</source>
        <translation>Review failed</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>提交中</source>
        <translation>Submitting</translation>
    </message>
    <message>
        <source>上传中</source>
        <translation>Uploading</translation>
    </message>
    <message>
        <source>上传失败</source>
        <translation>Upload failed</translation>
    </message>
    <message>
        <source>待付款</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <source>礼物待收下</source>
        <translation>Gift awaiting acceptance</translation>
    </message>
    <message>
        <source>拼团中</source>
        <translation>Group buy forming</translation>
    </message>
    <message>
        <source>待核销</source>
        <translation>Awaiting redemption</translation>
    </message>
    <message>
        <source>待发货</source>
        <translation>To ship</translation>
    </message>
    <message>
        <source>部分发货</source>
        <translation>Partly shipped</translation>
    </message>
    <message>
        <source>待收货</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>已取消（超卖）</source>
        <translation>Cancelled (oversold)</translation>
    </message>
    <message>
        <source>已取消（售后）</source>
        <translation>Cancelled (after-sale)</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>微信好友</source>
        <translation>WeChat chat</translation>
    </message>
    <message>
        <source>微信群</source>
        <translation>WeChat group</translation>
    </message>
    <message>
        <source>公众号</source>
        <translation>Official Account</translation>
    </message>
    <message>
        <source>视频号</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>企业微信好友</source>
        <translation>WeCom chat</translation>
    </message>
    <message>
        <source>企业微信群</source>
        <translation>WeCom group</translation>
    </message>
    <message>
        <source>小程序</source>
        <translation>Mini Program</translation>
    </message>
    <message>
        <source>未知状态（%1）</source>
        <translation>Unknown status (%1)</translation>
    </message>
    <message>
        <source>%1天%2小时</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1小时%2分</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1分%2秒</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>上传修改</source>
        <translation>Uploading changes</translation>
    </message>
    <message>
        <source>获取商品列表</source>
        <translation>Listing products</translation>
    </message>
    <message>
        <source>下载商品</source>
        <translation>Downloading products</translation>
    </message>
    <message>
        <source>获取订单列表</source>
        <translation>Listing orders</translation>
    </message>
    <message>
        <source>下载订单</source>
        <translation>Downloading orders</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>%1小时%2分%3秒</source>
        <translation>%1:%2:%3</translation>
    </message>
</context>
<context>
    <name>ListingsScreen</name>
    <message>
        <source>搜索标题、SKU 编码（Ctrl+F）</source>
        <translation>Search titles, SKU codes (Ctrl+F)</translation>
    </message>
    <message>
        <source>新建商品</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>上架</source>
        <translation>List</translation>
    </message>
    <message>
        <source>下架</source>
        <translation>Delist</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>批量改价…</source>
        <translation>Change prices…</translation>
    </message>
    <message>
        <source>批量改库存…</source>
        <translation>Change stock…</translation>
    </message>
    <message>
        <source>选择一个商品查看 SKU</source>
        <translation>Select a product to see its SKUs</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <source>SKU 编码</source>
        <translation>SKU code</translation>
    </message>
    <message>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>减库存</source>
        <translation>Stock −</translation>
    </message>
    <message>
        <source>加库存</source>
        <translation>Stock +</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>在售</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>未上架/已下架</source>
        <translation>Not listed / delisted</translation>
    </message>
    <message>
        <source>已售罄</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <source>审核中/未通过</source>
        <translation>In review / failed</translation>
    </message>
    <message>
        <source>待同步</source>
        <translation>Not synced</translation>
    </message>
    <message>
        <source>有冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 个商品</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>删除所选的 %n 个商品？删除后买家将看不到它们。</source>
        <translation>
            <numerusform>Delete the selected product? Buyers will no longer see it.</numerusform>
            <numerusform>Delete the %n selected products? Buyers will no longer see them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>所选 %n 个商品的所有 SKU 价格调整（%，如 -10 表示降价 10%）</source>
        <translation>
            <numerusform>Change every SKU price of the selected product by a percentage (e.g. -10 lowers prices by 10%)</numerusform>
            <numerusform>Change every SKU price of the %n selected products by a percentage (e.g. -10 lowers prices by 10%)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>所选 %n 个商品的每个 SKU 库存增减（负数为减少）</source>
        <translation>
            <numerusform>Add to the stock of every SKU of the selected product (negative to remove)</numerusform>
            <numerusform>Add to the stock of every SKU of the %n selected products (negative to remove)</numerusform>
        </translation>
    </message>
    <message>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>删除商品</source>
        <translation>Delete products</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>批量改价</source>
        <translation>Change prices</translation>
    </message>
    <message>
        <source>在售商品的新价格保存为草稿，重新提交审核（上架）并通过后才生效。</source>
        <translation>New prices of products on sale are saved as drafts: they take effect once submitted for review (listed) again and approved.</translation>
    </message>
    <message>
        <source>批量改库存</source>
        <translation>Change stock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>小店桌面</source>
        <translation>Seller Desktop</translation>
    </message>
    <message>
        <source>演示店铺 — %1</source>
        <translation>Demo shop — %1</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Listings</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>礼物</source>
        <translation>Gifts</translation>
    </message>
    <message>
        <source>售后</source>
        <translation>After-sales</translation>
    </message>
    <message>
        <source>发货</source>
        <translation>Shipping</translation>
    </message>
    <message>
        <source>店铺</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>完整同步</source>
        <translation>Full sync</translation>
    </message>
    <message>
        <source>解决冲突…</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message>
        <source>连接店铺…</source>
        <translation>Connect shop…</translation>
    </message>
    <message>
        <source>失败的修改…</source>
        <translation>Failed changes…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>关于小店桌面</source>
        <translation>About Seller Desktop</translation>
    </message>
    <message>
        <source>诊断信息…</source>
        <translation>Diagnostics…</translation>
    </message>
    <message>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message numerus="yes">
        <source>%n 个礼物已被收下，请尽快发货</source>
        <translation>
            <numerusform>%n gift was accepted: please ship it soon</numerusform>
            <numerusform>%n gifts were accepted: please ship them soon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个礼物未在 24 小时内被收下，已过期</source>
        <translation>
            <numerusform>%n gift was not accepted within 24 hours and expired</numerusform>
            <numerusform>%n gifts were not accepted within 24 hours and expired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个新的售后申请</source>
        <translation>
            <numerusform>%n new after-sale case</numerusform>
            <numerusform>%n new after-sale cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个新的买家申请</source>
        <translation>
            <numerusform>%n new buyer request</numerusform>
            <numerusform>%n new buyer requests</numerusform>
        </translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>查看礼物</source>
        <translation>Show gifts</translation>
    </message>
    <message>
        <source>礼物已被收下：%1
收件人 %2，请在 %3 前发货</source>
        <translation>Gift accepted: %1
Recipient %2, ship by %3</translation>
    </message>
    <message>
        <source>规定时间</source>
        <translation>the deadline</translation>
    </message>
    <message>
        <source>查看订单</source>
        <translation>Open order</translation>
    </message>
    <message>
        <source>新的售后申请：%1 %2（订单 %3）</source>
        <translation>New after-sale case: %1 %2 (order %3)</translation>
    </message>
    <message>
        <source>请在 %1 前处理，超时平台将自动处理</source>
        <translation>Answer before %1, or the platform decides by itself</translation>
    </message>
    <message>
        <source>查看售后</source>
        <translation>Show cases</translation>
    </message>
    <message>
        <source>买家申请%1：订单 %2，处理前不能发货</source>
        <translation>Buyer request (%1): order %2 cannot ship until it is answered</translation>
    </message>
    <message>
        <source>查看申请</source>
        <translation>Show requests</translation>
    </message>
    <message>
        <source>操作失败：%1</source>
        <translation>Action failed: %1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>找不到图片文件：%1</source>
        <translation>Image file not found: %1</translation>
    </message>
    <message>
        <source>不支持的图片格式：%1（请用 JPG、PNG、GIF、WebP 或 BMP）</source>
        <translation>Unsupported image format: %1 (use JPG, PNG, GIF, WebP or BMP)</translation>
    </message>
    <message>
        <source>备注最多 %1 个字</source>
        <translation>A note can have at most %1 characters</translation>
    </message>
    <message>
        <source>订单不存在</source>
        <translation>The order does not exist</translation>
    </message>
    <message>
        <source>请选择要发货的商品</source>
        <translation>Choose the items to ship</translation>
    </message>
    <message>
        <source>请选择快递公司</source>
        <translation>Choose a carrier</translation>
    </message>
    <message>
        <source>请填写快递单号</source>
        <translation>Enter the tracking number</translation>
    </message>
    <message>
        <source>这个快递单号已经用于本订单</source>
        <translation>This tracking number is already used for this order</translation>
    </message>
    <message>
        <source>这不是礼物订单</source>
        <translation>This is not a gift order</translation>
    </message>
    <message>
        <source>发货数量必须大于 0</source>
        <translation>The quantity to ship must be more than 0</translation>
    </message>
    <message>
        <source>发货商品不在订单中，或数量超过未发货数量</source>
        <translation>The items are not in the order, or more than what is left to ship</translation>
    </message>
    <message>
        <source>库存不足：现有 %1，不能减少 %2</source>
        <translation>Not enough stock: %1 in stock, cannot remove %2</translation>
    </message>
    <message>
        <source>商品不存在或已被删除</source>
        <translation>The product does not exist or was deleted</translation>
    </message>
    <message>
        <source>商品已在审核中，请勿重复提交</source>
        <translation>The product is already in review; do not submit it again</translation>
    </message>
    <message>
        <source>商品已删除</source>
        <translation>The product was deleted</translation>
    </message>
    <message>
        <source>商品未在售，无需下架</source>
        <translation>The product is not on sale; nothing to delist</translation>
    </message>
    <message>
        <source>审核中的商品不能删除，请先撤回审核</source>
        <translation>A product in review cannot be deleted; withdraw the review first</translation>
    </message>
    <message>
        <source>库存变化不能为 0</source>
        <translation>The stock change cannot be 0</translation>
    </message>
    <message>
        <source>SKU 不存在</source>
        <translation>The SKU does not exist</translation>
    </message>
    <message>
        <source>面单 %1 不存在</source>
        <translation>Waybill %1 does not exist</translation>
    </message>
    <message>
        <source>订单 %1 不存在</source>
        <translation>Order %1 does not exist</translation>
    </message>
    <message>
        <source>订单 %1：%2</source>
        <translation>Order %1: %2</translation>
    </message>
    <message>
        <source>订单 %1 已有%2面单</source>
        <translation>Order %1 already has a %2 waybill</translation>
    </message>
    <message>
        <source>请选择订单</source>
        <translation>Choose orders</translation>
    </message>
    <message>
        <source>面单不存在</source>
        <translation>The waybill does not exist</translation>
    </message>
    <message>
        <source>面单还没有取到单号，不能打印</source>
        <translation>The waybill has no number yet and cannot be printed</translation>
    </message>
    <message>
        <source>面单已取消</source>
        <translation>The waybill was cancelled</translation>
    </message>
    <message>
        <source>没有打印任何面单</source>
        <translation>No label was printed</translation>
    </message>
    <message>
        <source>这张面单已用于发货，不能取消</source>
        <translation>This waybill was used to ship and cannot be cancelled</translation>
    </message>
    <message>
        <source>面单正在取号，请等取号完成后再取消</source>
        <translation>The waybill number is being taken; cancel it once that is done</translation>
    </message>
    <message>
        <source>打印组件中没有打印机“%1”</source>
        <translation>The print component has no printer “%1”</translation>
    </message>
    <message>
        <source>打印机“%1”未就绪（%2）</source>
        <translation>Printer “%1” is not ready (%2)</translation>
    </message>
    <message>
        <source>无法保存 PDF：文件夹“%1”不存在</source>
        <translation>Cannot save the PDF: the folder “%1” does not exist</translation>
    </message>
    <message>
        <source>无法保存 PDF：没有写入“%1”的权限</source>
        <translation>Cannot save the PDF: no permission to write to “%1”</translation>
    </message>
    <message>
        <source>没有选择打印机，请先在设置中选择面单打印机</source>
        <translation>No printer chosen: choose the label printer first</translation>
    </message>
    <message>
        <source>找不到打印机“%1”，请检查打印机是否已连接并安装驱动（当前可用：%2）</source>
        <translation>Printer “%1” not found: check that it is connected and its driver installed (available: %2)</translation>
    </message>
    <message>
        <source>无法开始打印到“%1”：打印机不可用或无法写入</source>
        <translation>Cannot start printing to “%1”: the printer is unavailable or cannot be written to</translation>
    </message>
    <message>
        <source>打印任务未能提交到“%1”</source>
        <translation>The print job could not be sent to “%1”</translation>
    </message>
    <message>
        <source>商品 %1 在小店后台也被修改了：%2</source>
        <translation>Product %1 was also changed in the store&apos;s back office: %2</translation>
    </message>
    <message>
        <source>商品 %1 没有待解决的冲突</source>
        <translation>Product %1 has no conflict to resolve</translation>
    </message>
    <message>
        <source>还没有选择：%1</source>
        <translation>Not chosen yet: %1</translation>
    </message>
    <message>
        <source>缓存中没有商品 %1 的服务器版本</source>
        <translation>The cache has no server version of product %1</translation>
    </message>
    <message>
        <source>服务器上没有该商品的草稿</source>
        <translation>The server has no draft of this product</translation>
    </message>
    <message>
        <source>订单 %1 的状态码 %2 无法识别，已按原样保存</source>
        <translation>Order %1 has an unknown status %2; saved as it came</translation>
    </message>
    <message>
        <source>订单 %1 缺少收货地址（状态 %2），请在小店后台核对</source>
        <translation>Order %1 has no delivery address (status %2); check it in the store&apos;s back office</translation>
    </message>
    <message>
        <source>订单 %1 的数据无法解析，已跳过，下次同步重试（%2）</source>
        <translation>Order %1 could not be read and was skipped; the next sync tries again (%2)</translation>
    </message>
    <message>
        <source>商品 %1 的数据无法解析，已跳过，下次同步重试（%2）</source>
        <translation>Product %1 could not be read and was skipped; the next sync tries again (%2)</translation>
    </message>
    <message>
        <source>%1：本版本不支持该操作（%2）</source>
        <translation>%1: this version does not support this operation (%2)</translation>
    </message>
    <message>
        <source>%1失败：%2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>打印机“%1”不接受 %2×%3 mm 的纸张尺寸</source>
        <translation>Printer “%1” does not take %2×%3 mm paper</translation>
    </message>
    <message>
        <source>打印第 %1 页（%2）时出错：%3</source>
        <translation>Printing page %1 (%2) failed: %3</translation>
    </message>
    <message>
        <source>打印到“%1”时无法新建第 %2 页</source>
        <translation>Could not start page %2 while printing to “%1”</translation>
    </message>
    <message>
        <source>已取消打印</source>
        <translation>Printing cancelled</translation>
    </message>
    <message>
        <source>已取消打印（任务已在打印队列中挂起，请在系统打印队列中删除）</source>
        <translation>Printing cancelled (the job is held in the print queue; delete it in the system&apos;s print queue)</translation>
    </message>
    <message>
        <source>已取消打印（打印机不支持中途取消，已生成的页面可能仍会打印）</source>
        <translation>Printing cancelled (the printer cannot cancel midway; the pages already sent may still print)</translation>
    </message>
    <message>
        <source>没有可打印的内容</source>
        <translation>Nothing to print</translation>
    </message>
    <message>
        <source>新建商品</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>修改商品</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>上架商品</source>
        <translation>List product</translation>
    </message>
    <message>
        <source>下架商品</source>
        <translation>Delist product</translation>
    </message>
    <message>
        <source>删除商品</source>
        <translation>Delete product</translation>
    </message>
    <message>
        <source>修改库存</source>
        <translation>Change stock</translation>
    </message>
    <message>
        <source>订单备注</source>
        <translation>Order note</translation>
    </message>
    <message>
        <source>礼物留言</source>
        <translation>Gift note</translation>
    </message>
    <message>
        <source>发货</source>
        <translation>Ship</translation>
    </message>
    <message>
        <source>电子面单取号</source>
        <translation>Take a waybill number</translation>
    </message>
    <message>
        <source>取消电子面单</source>
        <translation>Cancel waybill</translation>
    </message>
    <message>
        <source>面单打印回传</source>
        <translation>Report the label print</translation>
    </message>
    <message>
        <source>待发送的数据缺少 %1</source>
        <translation>The change to send lacks %1</translation>
    </message>
    <message>
        <source>缓存中没有订单 %1</source>
        <translation>Order %1 is not in the cache</translation>
    </message>
    <message>
        <source>订单 %1 没有收货地址，不能取号</source>
        <translation>Order %1 has no delivery address, so no waybill number can be taken</translation>
    </message>
    <message>
        <source>该电子面单账号没有寄件地址，请在小店后台设置</source>
        <translation>This waybill account has no sender address; set it in the store&apos;s back office</translation>
    </message>
    <message>
        <source>这个面单账号没有寄件地址：请先在“寄件地址…”中选择店铺地址或填写一个</source>
        <translation>This waybill account has no sender address: first choose one of the shop&apos;s addresses or type one under “Sender address…”</translation>
    </message>
    <message>
        <source>寄件地址不完整：须有寄件人、手机号、省、市和详细地址</source>
        <translation>The sender address is incomplete: it needs a sender, a mobile number, a province, a city and a street address</translation>
    </message>
    <message>
        <source>发货包裹中没有商品</source>
        <translation>The parcel has no items</translation>
    </message>
    <message>
        <source>库存修改数据不完整（%1）</source>
        <translation>The stock change is incomplete (%1)</translation>
    </message>
    <message>
        <source>找不到本地图片 %1（%2）</source>
        <translation>Local image %1 not found (%2)</translation>
    </message>
    <message>
        <source>图片 %1 不是 PNG/JPEG：%2</source>
        <translation>Image %1 is not PNG/JPEG: %2</translation>
    </message>
    <message>
        <source>微信小店服务器没有响应，请稍后再试</source>
        <translation>The WeChat Store server did not answer; try again later</translation>
    </message>
    <message>
        <source>没有调用该接口的权限，请在小店后台检查授权</source>
        <translation>No permission for this API; check the authorisation in the store&apos;s back office</translation>
    </message>
    <message>
        <source>接口已被封禁</source>
        <translation>This API is blocked</translation>
    </message>
    <message>
        <source>请求格式有误</source>
        <translation>The request is malformed</translation>
    </message>
    <message>
        <source>参数有误</source>
        <translation>Invalid parameters</translation>
    </message>
    <message>
        <source>商品当前状态不允许编辑</source>
        <translation>The product cannot be edited in its current state</translation>
    </message>
    <message>
        <source>SKU 数量须在 1–500 个之间</source>
        <translation>A product needs 1–500 SKUs</translation>
    </message>
    <message>
        <source>运费模板无效</source>
        <translation>Invalid shipping template</translation>
    </message>
    <message>
        <source>商品标题不能为空</source>
        <translation>The product title cannot be empty</translation>
    </message>
    <message>
        <source>商品标题太长</source>
        <translation>The product title is too long</translation>
    </message>
    <message>
        <source>商品标题太短</source>
        <translation>The product title is too short</translation>
    </message>
    <message>
        <source>请上传商品主图</source>
        <translation>Upload the product&apos;s main images</translation>
    </message>
    <message>
        <source>商品主图太多</source>
        <translation>Too many main images</translation>
    </message>
    <message>
        <source>SKU 价格太高</source>
        <translation>The SKU price is too high</translation>
    </message>
    <message>
        <source>图片必须先上传到微信小店</source>
        <translation>Images must be uploaded to WeChat Store first</translation>
    </message>
    <message>
        <source>SKU 价格不能为 0</source>
        <translation>The SKU price cannot be 0</translation>
    </message>
    <message>
        <source>标题不能只有数字、字母或符号</source>
        <translation>The title cannot be only digits, letters or symbols</translation>
    </message>
    <message>
        <source>商品审核中，请先撤回审核</source>
        <translation>The product is in review; withdraw the review first</translation>
    </message>
    <message>
        <source>商品审核中，不能编辑或删除</source>
        <translation>The product is in review and cannot be edited or deleted</translation>
    </message>
    <message>
        <source>没有该商品的操作权限</source>
        <translation>No permission to change this product</translation>
    </message>
    <message>
        <source>商品未上架</source>
        <translation>The product is not listed</translation>
    </message>
    <message>
        <source>商品正在异步上传，暂不能上架</source>
        <translation>The product is still uploading and cannot be listed yet</translation>
    </message>
    <message>
        <source>该 SKU 库存修改太频繁，请稍后再试</source>
        <translation>This SKU&apos;s stock changed too often; try again later</translation>
    </message>
    <message>
        <source>商品审核中，不能改库存</source>
        <translation>The product is in review; its stock cannot change</translation>
    </message>
    <message>
        <source>库存变化量不能为 0</source>
        <translation>The stock change cannot be 0</translation>
    </message>
    <message>
        <source>库存不足，不能扣减</source>
        <translation>Not enough stock to remove</translation>
    </message>
    <message>
        <source>商品从未上架过，不能改库存</source>
        <translation>The product was never listed; its stock cannot change</translation>
    </message>
    <message>
        <source>订单更新太频繁，请稍后再试</source>
        <translation>The order was updated too often; try again later</translation>
    </message>
    <message>
        <source>订单当前状态不允许此操作</source>
        <translation>The order&apos;s status does not allow this</translation>
    </message>
    <message>
        <source>订单有未完成的售后</source>
        <translation>The order has an open after-sales case</translation>
    </message>
    <message>
        <source>发货商品有误（不在订单中、已发货或已退款）</source>
        <translation>Wrong items to ship (not in the order, already shipped or refunded)</translation>
    </message>
    <message>
        <source>订单已全部发货</source>
        <translation>The order is fully shipped</translation>
    </message>
    <message>
        <source>发货请求中没有商品</source>
        <translation>The shipment has no items</translation>
    </message>
    <message>
        <source>订单已有线上物流单，不能自寄发货</source>
        <translation>The order already has an online waybill and cannot be shipped by your own carrier</translation>
    </message>
    <message>
        <source>电子面单取号失败</source>
        <translation>Taking the waybill number failed</translation>
    </message>
    <message>
        <source>电子面单取消失败</source>
        <translation>Cancelling the waybill failed</translation>
    </message>
    <message>
        <source>电子面单更新冲突，请重试</source>
        <translation>The waybill changed meanwhile; try again</translation>
    </message>
    <message>
        <source>快递公司编码有误</source>
        <translation>Wrong carrier code</translation>
    </message>
    <message>
        <source>网点信息有误</source>
        <translation>Wrong branch information</translation>
    </message>
    <message>
        <source>网点账号有误</source>
        <translation>Wrong branch account</translation>
    </message>
    <message>
        <source>电子面单已存在</source>
        <translation>The waybill already exists</translation>
    </message>
    <message>
        <source>电子面单单号格式有误</source>
        <translation>Wrong waybill number format</translation>
    </message>
    <message>
        <source>快递公司取消超时</source>
        <translation>The carrier did not confirm the cancellation in time</translation>
    </message>
    <message>
        <source>面单模板不存在</source>
        <translation>The label template does not exist</translation>
    </message>
    <message>
        <source>微信小店接口调用失败</source>
        <translation>The WeChat Store API call failed</translation>
    </message>
    <message>
        <source>AppID 或 AppSecret 不正确，请在设置中重新填写</source>
        <translation>The AppID or AppSecret is wrong; enter them again in Settings</translation>
    </message>
    <message>
        <source>登录凭证已失效，刷新后仍被拒绝，请检查是否有其他工具重置了 AppSecret</source>
        <translation>The access token expired and was refused after a refresh; check whether another tool reset the AppSecret</translation>
    </message>
    <message>
        <source>微信小店系统繁忙，请稍后再试</source>
        <translation>WeChat Store is busy; try again later</translation>
    </message>
    <message>
        <source>调用太频繁，已达到每分钟上限，请稍后再试</source>
        <translation>Too many calls: the per-minute limit is reached; try again later</translation>
    </message>
    <message>
        <source>该接口今日调用次数已用完，请明天再试</source>
        <translation>Today&apos;s calls of this API are used up; try again tomorrow</translation>
    </message>
    <message>
        <source>找不到该记录（可能已被删除）</source>
        <translation>Record not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>微信小店拒绝了该操作</source>
        <translation>WeChat Store refused this operation</translation>
    </message>
    <message>
        <source>无法连接微信小店服务器，请检查网络</source>
        <translation>Cannot reach the WeChat Store server; check the network</translation>
    </message>
    <message>
        <source>演示店铺</source>
        <translation>the demo shop</translation>
    </message>
    <message>
        <source>这个缓存属于另一个店铺（%1），不能用于%2：已停止同步，没有发送或改动任何内容：%3</source>
        <translation>This cache belongs to another shop (%1) and cannot be used for %2: the sync was stopped, nothing was sent or changed: %3</translation>
    </message>
    <message>
        <source>所在的网络需要先登录（例如酒店或咖啡馆的 Wi-Fi）：请在浏览器中登录后再试，修改都已保存，登录后会自动重试</source>
        <translation>This network asks you to log in first (e.g. a hotel&apos;s or café&apos;s Wi-Fi): log in in your browser and try again. Your changes are saved and are retried once you are logged in</translation>
    </message>
    <message>
        <source>微信小店服务器暂时无法正常响应，请稍后再试</source>
        <translation>The WeChat Store server cannot answer properly right now; try again later</translation>
    </message>
    <message>
        <source>微信小店返回了无法识别的数据</source>
        <translation>WeChat Store sent data that could not be read</translation>
    </message>
    <message>
        <source>请求结果未知（网络中断），请先刷新确认后再重试</source>
        <translation>The outcome is unknown (the network dropped): refresh to check before trying again</translation>
    </message>
    <message>
        <source>本机 IP 不在小店后台的 IP 白名单中，请先添加</source>
        <translation>This computer&apos;s IP is not on the store&apos;s IP whitelist; add it first</translation>
    </message>
    <message>
        <source>没有订单 %1</source>
        <translation>There is no order %1</translation>
    </message>
    <message>
        <source>微信小店拒绝了发货</source>
        <translation>WeChat Store refused the shipment</translation>
    </message>
    <message>
        <source>请输入金额，例如 12.50（最多两位小数）</source>
        <translation>Enter an amount such as 12.50 (at most two decimals)</translation>
    </message>
    <message>
        <source>微信小店服务器响应太慢，已停止等待，请稍后再试</source>
        <translation>The WeChat Store server answered too slowly and was given up on; try again later</translation>
    </message>
    <message>
        <source>同步超过 %1 分钟仍未完成，已停止；已保存的内容不受影响，下次同步继续</source>
        <translation>The sync did not finish within %1 min and was stopped; what is saved is unaffected, and the next sync carries on</translation>
    </message>
    <message>
        <source>订单 %1 暂时无法读取，已跳过，下次同步重试（%2）</source>
        <translation>Order %1 cannot be read right now and was skipped; the next sync tries again (%2)</translation>
    </message>
    <message>
        <source>商品 %1 暂时无法读取，已跳过，下次同步重试（%2）</source>
        <translation>Product %1 cannot be read right now and was skipped; the next sync tries again (%2)</translation>
    </message>
    <message>
        <source>图片引用不是本应用选取的图片</source>
        <translation>The image reference is not an image picked in this app</translation>
    </message>
    <message>
        <source>%1 不是普通文件</source>
        <translation>%1 is not a regular file</translation>
    </message>
    <message>
        <source>%1 超过 %2 MB</source>
        <translation>%1 is over %2 MB</translation>
    </message>
    <message>
        <source>图片 %1 超过 %2 MB</source>
        <translation>Image %1 is over %2 MB</translation>
    </message>
    <message>
        <source>%1 的内容与其名称不符（文件被改动过）</source>
        <translation>The content of %1 does not match its name (the file was changed)</translation>
    </message>
    <message>
        <source>图片 %1 不能上传：%2</source>
        <translation>Image %1 cannot be uploaded: %2</translation>
    </message>
    <message>
        <source>图片引用无效：%1</source>
        <translation>Invalid image reference: %1</translation>
    </message>
    <message>
        <source>无法读取微信小店的回复（网络可能需要先登录，例如酒店或咖啡馆的 Wi-Fi），修改都已保存，稍后会自动重试</source>
        <translation>WeChat Store&apos;s replies could not be read (the network may need a sign-in first, as hotel or café Wi-Fi does); every change is saved and is retried automatically later</translation>
    </message>
    <message>
        <source>%1稍后重试：%2</source>
        <translation>%1 is retried later: %2</translation>
    </message>
    <message>
        <source>%1等待重试：%2</source>
        <translation>%1 waits to be retried: %2</translation>
    </message>
    <message>
        <source>待发送的数据已损坏，无法发送（%1）</source>
        <translation>The change to send is damaged and cannot be sent (%1)</translation>
    </message>
    <message>
        <source>这项修改已不存在（可能已同步或已放弃）</source>
        <translation>This change no longer exists (it may have been synced or dropped)</translation>
    </message>
    <message>
        <source>只有失败的修改可以重试或放弃</source>
        <translation>Only a failed change can be retried or dropped</translation>
    </message>
    <message>
        <source>打印机“%1”已停止或出错，请在系统的打印机设置中恢复后重试</source>
        <translation>Printer “%1” is stopped or in error; resume it in the system&apos;s printer settings and try again</translation>
    </message>
    <message>
        <source>打印机“%1”不接受打印任务，请在系统的打印机设置中启用后重试</source>
        <translation>Printer “%1” does not accept jobs; enable it in the system&apos;s printer settings and try again</translation>
    </message>
    <message>
        <source>打印机“%1”不接受打印任务（%2），请在系统的打印机设置中启用后重试</source>
        <translation>Printer “%1” does not accept jobs (%2); enable it in the system&apos;s printer settings and try again</translation>
    </message>
    <message>
        <source>无法保存 PDF：“%1”是一个文件夹，请填写文件名</source>
        <translation>Cannot save the PDF: “%1” is a folder; enter a file name</translation>
    </message>
    <message>
        <source>无法保存 PDF 到“%1”：%2</source>
        <translation>Cannot save the PDF in “%1”: %2</translation>
    </message>
    <message>
        <source>运单 %1 没有打印数据（print_info），请重新获取</source>
        <translation>Waybill %1 has no print data (print_info); take it again</translation>
    </message>
    <message>
        <source>未检测到微信小店打印组件（%1），请确认打印组件已安装并正在运行</source>
        <translation>The WeChat Store print component was not found (%1); check that it is installed and running</translation>
    </message>
    <message>
        <source>打印组件 %1 秒内没有响应（%2）</source>
        <translation>The print component did not answer within %1 s (%2)</translation>
    </message>
    <message>
        <source>打印组件连接已关闭</source>
        <translation>The print component closed the connection</translation>
    </message>
    <message>
        <source>与打印组件的连接已断开</source>
        <translation>The connection to the print component was lost</translation>
    </message>
    <message>
        <source>尚未连接打印组件</source>
        <translation>Not connected to the print component</translation>
    </message>
    <message>
        <source>打印组件返回的版本信息无法识别</source>
        <translation>The print component&apos;s version reply could not be read</translation>
    </message>
    <message>
        <source>打印组件没有返回该任务的结果</source>
        <translation>The print component gave no result for this job</translation>
    </message>
    <message>
        <source>打印失败（原因未知）</source>
        <translation>Printing failed (reason unknown)</translation>
    </message>
    <message>
        <source>原因未知</source>
        <translation>reason unknown</translation>
    </message>
    <message>
        <source>打印组件%1失败：%2</source>
        <translation>Print component: %1 failed: %2</translation>
    </message>
    <message>
        <source>获取打印机列表</source>
        <translation>listing the printers</translation>
    </message>
    <message>
        <source>获取打印组件版本</source>
        <translation>reading its version</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>printing</translation>
    </message>
    <message>
        <source>打印组件地址无法识别，例如 ws://127.0.0.1:12705</source>
        <translation>The print component&apos;s address cannot be read; for example ws://127.0.0.1:12705</translation>
    </message>
    <message>
        <source>打印组件地址须为 ws://127.0.0.1:端口（例如 ws://127.0.0.1:12705）</source>
        <translation>The print component&apos;s address must be ws://127.0.0.1:port (for example ws://127.0.0.1:12705)</translation>
    </message>
    <message>
        <source>打印组件只在本机运行：地址须为 127.0.0.1、localhost 或 [::1]</source>
        <translation>The print component runs on this computer only: the address must be 127.0.0.1, localhost or [::1]</translation>
    </message>
    <message>
        <source>打印组件地址缺少端口（例如 ws://127.0.0.1:12705）</source>
        <translation>The print component&apos;s address lacks a port (for example ws://127.0.0.1:12705)</translation>
    </message>
    <message>
        <source>自定义区模板地址太长（最多 %1 个字符）</source>
        <translation>The custom area template&apos;s address is too long (at most %1 characters)</translation>
    </message>
    <message>
        <source>自定义区模板地址不能包含空格</source>
        <translation>The custom area template&apos;s address cannot contain spaces</translation>
    </message>
    <message>
        <source>自定义区模板地址无法识别</source>
        <translation>The custom area template&apos;s address cannot be read</translation>
    </message>
    <message>
        <source>自定义区模板地址必须以 https:// 开头（打印组件只接受 https 模板）</source>
        <translation>The custom area template&apos;s address must start with https:// (the print component takes https templates only)</translation>
    </message>
    <message>
        <source>自定义区模板地址缺少域名</source>
        <translation>The custom area template&apos;s address lacks a host name</translation>
    </message>
    <message>
        <source>自定义区模板地址不能包含用户名或密码</source>
        <translation>The custom area template&apos;s address cannot contain a user name or password</translation>
    </message>
    <message>
        <source>自定义区内容太长（最多 %1 个字符）</source>
        <translation>The custom area text is too long (at most %1 characters)</translation>
    </message>
    <message>
        <source>自定义区不能放买家的姓名、电话或地址（{%1}）</source>
        <translation>The custom area cannot hold the buyer&apos;s name, phone or address ({%1})</translation>
    </message>
    <message>
        <source>自定义区中的 {%1} 无法识别，可用：%2</source>
        <translation>{%1} in the custom area is not known; you can use: %2</translation>
    </message>
    <message>
        <source>自定义区最多 %1 行（面单上的自定义区约 65×30 毫米）</source>
        <translation>The custom area holds at most %1 lines (it is about 65×30 mm on the label)</translation>
    </message>
    <message>
        <source>自定义区第 %1 行太长：每行最多 %2 个汉字（或 %3 个字母数字）</source>
        <translation>Line %1 of the custom area is too long: at most %2 Chinese characters (or %3 letters and digits) a line</translation>
    </message>
    <message>
        <source>填写了自定义区内容，还需要填写自定义区模板地址（https）</source>
        <translation>The custom area has text: it also needs the template&apos;s address (https)</translation>
    </message>
    <message>
        <source>无法生成第 %1 页的图像</source>
        <translation>Could not make the image of page %1</translation>
    </message>
    <message>
        <source>打印组件：%1</source>
        <translation>Print component: %1</translation>
    </message>
    <message>
        <source>打印组件打印第 %1 页失败：%2</source>
        <translation>The print component failed to print page %1: %2</translation>
    </message>
    <message>
        <source>前一张面单打印失败，这张没有打印</source>
        <translation>The label before it failed to print, so this one was not printed</translation>
    </message>
    <message>
        <source>%1 面单太短，放不下收寄件信息</source>
        <translation>The %1 label is too short for the recipient and sender</translation>
    </message>
    <message>
        <source>运单号为空，无法生成条码</source>
        <translation>The waybill number is empty: no barcode can be made</translation>
    </message>
    <message>
        <source>运单号 %1 太长，%2 mm 宽的位置放不下条码</source>
        <translation>Waybill number %1 is too long: its barcode does not fit in %2 mm</translation>
    </message>
    <message>
        <source>二维码放不下（%1×%2 mm）</source>
        <translation>The QR code does not fit (%1×%2 mm)</translation>
    </message>
    <message>
        <source>系统中没有中文字体，%1</source>
        <translation>No Chinese font is installed; %1</translation>
    </message>
    <message>
        <source>请安装 fonts-wqy-microhei 或 Noto Sans CJK SC</source>
        <translation>install fonts-wqy-microhei or Noto Sans CJK SC</translation>
    </message>
    <message>
        <source>请在 Windows 设置 → 字体 中安装“微软雅黑 (Microsoft YaHei)”</source>
        <translation>install “Microsoft YaHei” in Windows Settings → Fonts</translation>
    </message>
    <message>
        <source>请在“字体册”中启用“苹方 (PingFang SC)”</source>
        <translation>enable “PingFang SC” in Font Book</translation>
    </message>
    <message>
        <source>订单 %1 还没有运单号，不能打印面单</source>
        <translation>Order %1 has no waybill number yet; its label cannot be printed</translation>
    </message>
    <message>
        <source>所选订单没有商品，无法生成拣货单</source>
        <translation>The selected orders have no items: no pick list to make</translation>
    </message>
    <message>
        <source>没有选择订单，无法生成发货单</source>
        <translation>No order selected: no packing slip to make</translation>
    </message>
    <message>
        <source>不支持的纸张尺寸“%1”，可选：%2、A4</source>
        <translation>Unsupported paper size “%1”; choose %2 or A4</translation>
    </message>
    <message>
        <source>缓存文件已损坏：%1（%2）</source>
        <translation>The cache file is damaged: %1 (%2)</translation>
    </message>
    <message>
        <source>缓存文件来自更新版本的小店桌面（版本 %1 &gt; %2）：%3</source>
        <translation>The cache file comes from a newer Seller Desktop (version %1 &gt; %2): %3</translation>
    </message>
    <message>
        <source>这个店铺的数据目录正被另一个小店桌面程序使用：%1</source>
        <translation>This shop&apos;s data folder is in use by another Seller Desktop: %1</translation>
    </message>
    <message>
        <source>无法读写本地缓存</source>
        <translation>Cannot read or write the local cache</translation>
    </message>
    <message>
        <source>磁盘空间已满，无法保存</source>
        <translation>The disk is full; nothing could be saved</translation>
    </message>
    <message>
        <source>数据目录是只读的，无法保存</source>
        <translation>The data folder is read-only; nothing could be saved</translation>
    </message>
    <message>
        <source>没有读写数据目录的权限</source>
        <translation>No permission to read and write the data folder</translation>
    </message>
    <message>
        <source>读写本地缓存时出现磁盘错误</source>
        <translation>A disk error occurred while reading or writing the local cache</translation>
    </message>
    <message>
        <source>进程 %1</source>
        <translation>process %1</translation>
    </message>
    <message>
        <source>无法启用 WAL（%1）</source>
        <translation>Cannot turn on WAL (%1)</translation>
    </message>
    <message>
        <source>完整性检查失败：%1</source>
        <translation>Integrity check failed: %1</translation>
    </message>
    <message>
        <source>不是小店桌面的缓存文件</source>
        <translation>Not a Seller Desktop cache file</translation>
    </message>
    <message>
        <source>%1 [%2] %3</source>
        <translation>%1 [%2] %3</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1；%2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <source>选择一个订单查看详情</source>
        <translation>Select an order to see its details</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>发货截止</source>
        <translation>Ship by</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>小计</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>收货信息</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>礼物信息</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>送礼人</source>
        <translation>Giver</translation>
    </message>
    <message>
        <source>礼物留言</source>
        <translation>Gift note</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>买家留言：</source>
        <translation>Buyer note:</translation>
    </message>
    <message>
        <source>商家备注（仅自己可见）</source>
        <translation>Merchant note (only you see it)</translation>
    </message>
    <message>
        <source>保存备注</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>包裹</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>订单 %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>（有待同步的修改）</source>
        <translation> (changes not synced yet)</translation>
    </message>
    <message numerus="yes">
        <source>%1（%n 件）</source>
        <translation>
            <numerusform>%1 (%n item)</numerusform>
            <numerusform>%1 (%n items)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2 = %3</source>
        <translation>%1 × %2 = %3</translation>
    </message>
    <message>
        <source>（礼物尚未被收下，收礼人填写地址后显示）</source>
        <translation>(shown once the recipient accepts the gift and fills in an address)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>（待同步）</source>
        <translation> (not synced)</translation>
    </message>
    <message>
        <source>尚未发货</source>
        <translation>Not shipped yet</translation>
    </message>
    <message>
        <source>等待收下，剩余 %1</source>
        <translation>Awaiting acceptance, %1 left</translation>
    </message>
    <message>
        <source>已收下于 %1</source>
        <translation>Accepted at %1</translation>
    </message>
    <message>
        <source>未在 24 小时内收下，已过期</source>
        <translation>Not accepted within 24 hours: expired</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>发货截止</source>
        <translation>Ship by</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>已超时 %1</source>
        <translation>Overdue %1</translation>
    </message>
    <message>
        <source>剩 %1</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>（等待收礼人填写）</source>
        <translation>(waiting for the recipient)</translation>
    </message>
    <message>
        <source>礼物·%1</source>
        <translation>Gift · %1</translation>
    </message>
    <message>
        <source>【%1】%2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>有待同步的修改</source>
        <translation>Has changes not synced yet</translation>
    </message>
    <message>
        <source>买家的售后或申请未处理完，订单暂不能发货（见 售后）</source>
        <translation>A buyer&apos;s case or request is open: the order cannot ship yet (see After-sales)</translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <source>搜索订单号、商品、收件人、手机尾号、地址、备注（Ctrl+F）</source>
        <translation>Search order no., product, recipient, phone last 4, address, notes (Ctrl+F)</translation>
    </message>
    <message>
        <source>待发货</source>
        <translation>To ship</translation>
    </message>
    <message>
        <source>礼物待收下</source>
        <translation>Gift awaiting acceptance</translation>
    </message>
    <message>
        <source>部分发货</source>
        <translation>Partly shipped</translation>
    </message>
    <message>
        <source>待收货</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>搜索中…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <source>%n 个订单</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>前 %n 个订单，仍在搜索…</source>
        <translation>
            <numerusform>First %n order, still searching…</numerusform>
            <numerusform>First %n orders, still searching…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintSettingsDialog</name>
    <message>
        <source>打印设置</source>
        <translation>Print settings</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore default</translation>
    </message>
    <message>
        <source>https://…（自定义区模板，不填则不打印自定义区）</source>
        <translation>https://… (the custom area&apos;s template; empty: no custom area)</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>例如：
订单 {订单号}
{商品}（共 {件数} 件）</source>
        <translation>For example:
Order {order_id}
{items} ({count} pcs)</translation>
    </message>
    <message>
        <source>可用：{订单号} {商品} {件数} {店铺}。最多 5 行、每行 21 个汉字（面单自定义区约 65×30 毫米）。不能放买家的姓名、电话或地址。</source>
        <translation>You can use {order_id} {items} {count} {shop}. At most 5 lines of 21 Chinese characters (the label&apos;s custom area is about 65×30 mm). The buyer&apos;s name, phone or address cannot go there.</translation>
    </message>
    <message>
        <source>全部通过打印组件打印（拣货单、发货单也交给打印组件）</source>
        <translation>Print everything through the print component (pick lists and packing slips too)</translation>
    </message>
    <message>
        <source>打印组件中的 A4 打印机名称</source>
        <translation>The A4 printer&apos;s name in the print component</translation>
    </message>
    <message>
        <source>打印组件地址</source>
        <translation>Print component address</translation>
    </message>
    <message>
        <source>自定义区模板</source>
        <translation>Custom area template</translation>
    </message>
    <message>
        <source>自定义区内容</source>
        <translation>Custom area text</translation>
    </message>
    <message>
        <source>A4 打印机</source>
        <translation>A4 printer</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写打印拣货单、发货单用的 A4 打印机（打印组件中的名称）</source>
        <translation>Enter the A4 printer for pick lists and packing slips (its name in the print component)</translation>
    </message>
    <message>
        <source>打印设置没有保存：设置文件无法写入（磁盘可能已满或没有写入权限），请处理后再点保存。</source>
        <translation>The print settings were not saved: the settings file cannot be written (the disk may be full, or there is no permission to write). Fix that, then click Save again.</translation>
    </message>
</context>
<context>
    <name>PrintTargetPicker</name>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>PDF 文件（打印时选择保存位置）</source>
        <translation>PDF file (chosen when printing)</translation>
    </message>
    <message>
        <source>打印机：%1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <source>PDF 文件</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <source>微信小店打印组件</source>
        <translation>WeChat Store print component</translation>
    </message>
    <message>
        <source>保存面单 PDF</source>
        <translation>Save labels as PDF</translation>
    </message>
    <message>
        <source>请填写打印组件中的打印机名称</source>
        <translation>Enter the printer name used by the print component</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>编辑商品</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>新建商品</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>短标题</source>
        <translation>Short title</translation>
    </message>
    <message>
        <source>类目、运费模板和售后服务沿用所选商品</source>
        <translation>Category, freight template and after-sale service are taken from the chosen product</translation>
    </message>
    <message>
        <source>沿用设置</source>
        <translation>Settings from</translation>
    </message>
    <message>
        <source>规格（如 颜色:红 尺码:L）</source>
        <translation>Attributes (e.g. Color:Red Size:L)</translation>
    </message>
    <message>
        <source>SKU 编码</source>
        <translation>SKU code</translation>
    </message>
    <message>
        <source>售价（元）</source>
        <translation>Price (¥)</translation>
    </message>
    <message>
        <source>划线价（元）</source>
        <translation>List price (¥)</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>规格名:规格值，多个用空格分开；值里有空格也可以直接输入（如 型号:iPhone 16 Pro），保存过的值含空格时显示在引号里</source>
        <translation>name:value, several separated by spaces; a value may contain spaces as typed (e.g. Model:iPhone 16 Pro); saved values with spaces are shown in quotes</translation>
    </message>
    <message>
        <source>添加 SKU</source>
        <translation>Add SKU</translation>
    </message>
    <message>
        <source>删除所选 SKU</source>
        <translation>Remove selected SKUs</translation>
    </message>
    <message>
        <source>添加本地图片…</source>
        <translation>Add local images…</translation>
    </message>
    <message>
        <source>移除图片</source>
        <translation>Remove image</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存并提交审核</source>
        <translation>Save and submit for review</translation>
    </message>
    <message>
        <source>保存后立即提交审核（上架），审核通过后买家看到新内容</source>
        <translation>Save, then submit for review (list) right away; buyers see the changes once the review passes</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>这个商品在售：修改保存为草稿，提交审核并通过后买家才会看到新内容（审核期间原商品照常在售）。点“保存并提交审核”一步完成。</source>
        <translation>This product is on sale: changes are saved as a draft, and buyers see them only after the draft is submitted and passes review (the product stays on sale meanwhile). “Save and submit for review” does both.</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKUs</translation>
    </message>
    <message>
        <source>主图</source>
        <translation>Main images</translation>
    </message>
    <message>
        <source>放弃修改？</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>这个商品的修改还没有保存。关闭后，刚才的修改会丢失。</source>
        <translation>Your changes to this product are not saved. If you close the editor, they are lost.</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>选择商品图片</source>
        <translation>Choose product images</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>库存请填写整数</source>
        <translation>Stock must be a whole number</translation>
    </message>
    <message>
        <source>请输入金额，例如 12.50（最多两位小数）</source>
        <translation>Enter an amount such as 12.50 (at most two decimals)</translation>
    </message>
    <message>
        <source>第 %1 行：</source>
        <translation>Row %1: </translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>已保存并提交审核，待同步</source>
        <translation>Saved and submitted for review, waiting to sync</translation>
    </message>
    <message>
        <source>已保存，待同步</source>
        <translation>Saved, waiting to sync</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>价格</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>待同步</source>
        <translation>Not synced</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>订单号</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>申请时间</source>
        <translation>Asked at</translation>
    </message>
    <message>
        <source>已等待</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>买家想换成其他规格</source>
        <translation>The buyer wants another SKU</translation>
    </message>
    <message>
        <source>已同意，同步中</source>
        <translation>Accepted, syncing</translation>
    </message>
    <message>
        <source>已拒绝，同步中</source>
        <translation>Rejected, syncing</translation>
    </message>
    <message>
        <source>待处理，%1后自动同意</source>
        <translation>To answer; auto-approved in %1</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>To answer</translation>
    </message>
</context>
<context>
    <name>SelfShipDialog</name>
    <message>
        <source>自己联系物流发货</source>
        <translation>Ship with my own carrier</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>输入或扫描快递单号，回车确认</source>
        <translation>Type or scan the tracking number, then press Enter</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>请选择快递公司</source>
        <translation>Please choose a carrier</translation>
    </message>
    <message>
        <source>快递单号应为至少 6 位的字母或数字</source>
        <translation>A tracking number has at least 6 letters or digits</translation>
    </message>
    <message>
        <source>正在发货…</source>
        <translation>Shipping…</translation>
    </message>
</context>
<context>
    <name>SenderDialog</name>
    <message>
        <source>面单账号 %1 的寄件地址</source>
        <translation>Sender address of waybill account %1</translation>
    </message>
    <message>
        <source>手动填写</source>
        <translation>Type it</translation>
    </message>
    <message>
        <source>店铺地址</source>
        <translation>Shop address</translation>
    </message>
    <message>
        <source>寄件人</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>省</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>区/县</source>
        <translation>District</translation>
    </message>
    <message>
        <source>详细地址</source>
        <translation>Street address</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在读取店铺地址…</source>
        <translation>Reading the shop&apos;s addresses…</translation>
    </message>
    <message>
        <source>读不到店铺地址（%1），请手动填写</source>
        <translation>Cannot read the shop&apos;s addresses (%1): please type one</translation>
    </message>
    <message>
        <source>店铺没有地址，请手动填写</source>
        <translation>The shop has no address: please type one</translation>
    </message>
    <message>
        <source>请填写%1</source>
        <translation>Please fill in %1</translation>
    </message>
    <message>
        <source>请填写正确的手机号或电话（数字和 -）</source>
        <translation>Please enter a valid mobile or phone number (digits and -)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>欢迎使用小店桌面</source>
        <translation>Welcome to Seller Desktop</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>使用演示店铺（无需账号，数据只在本机）</source>
        <translation>Use the demo shop (no account; data stays on this computer)</translation>
    </message>
    <message>
        <source>已保存在系统钥匙串中</source>
        <translation>Saved in the system keyring</translation>
    </message>
    <message>
        <source>在微信小店后台「开发设置」中获取</source>
        <translation>Find it under Development settings in the WeChat Store back office</translation>
    </message>
    <message>
        <source>正在使用环境变量 %1 / %2 中的 AppID 和 AppSecret；其他设置照常保存。</source>
        <translation>Using the AppID and AppSecret from the environment variables %1 / %2; the other settings save as usual.</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>AppID</source>
        <translation>AppID</translation>
    </message>
    <message>
        <source>AppSecret</source>
        <translation>AppSecret</translation>
    </message>
    <message>
        <source>API 地址</source>
        <translation>API address</translation>
    </message>
    <message>
        <source>自动同步间隔</source>
        <translation>Sync every</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>填写微信小店的 AppID 和 AppSecret 连接你的店铺，或者先用演示店铺看看。</source>
        <translation>Enter your WeChat Store AppID and AppSecret to connect your shop, or try the demo shop first.</translation>
    </message>
    <message>
        <source>先用演示店铺</source>
        <translation>Try the demo shop</translation>
    </message>
    <message>
        <source>此电脑没有可用的系统钥匙串：AppSecret 只保留在内存中，每次启动都要重新填写。也可以改用环境变量 %1 / %2。</source>
        <translation>This computer has no usable system keyring: the AppSecret is kept in memory only and must be entered again at each start. You can also use the environment variables %1 / %2.</translation>
    </message>
    <message>
        <source>已填写（只在本次运行中有效）</source>
        <translation>Entered (valid for this run only)</translation>
    </message>
    <message>
        <source>API 地址须以 https:// 开头</source>
        <translation>The API address must start with https://</translation>
    </message>
    <message>
        <source>请填写 AppID</source>
        <translation>Please enter the AppID</translation>
    </message>
    <message>
        <source>请填写 AppSecret</source>
        <translation>Please enter the AppSecret</translation>
    </message>
</context>
<context>
    <name>Shipping</name>
    <message>
        <source>待取号</source>
        <translation>No waybill yet</translation>
    </message>
    <message>
        <source>取号中</source>
        <translation>Getting a number</translation>
    </message>
    <message>
        <source>待打印</source>
        <translation>To print</translation>
    </message>
    <message>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>礼物尚未被收下，收礼人填写地址后才能发货</source>
        <translation>The gift is not accepted yet; it can ship once the recipient fills in an address</translation>
    </message>
    <message>
        <source>订单已取消</source>
        <translation>The order is cancelled</translation>
    </message>
    <message>
        <source>订单尚未付款</source>
        <translation>The order is not paid yet</translation>
    </message>
    <message>
        <source>订单已发货</source>
        <translation>The order has shipped</translation>
    </message>
    <message>
        <source>订单没有收货地址</source>
        <translation>The order has no delivery address</translation>
    </message>
    <message>
        <source>缓存中没有这个订单</source>
        <translation>This order is not in the cache</translation>
    </message>
    <message>
        <source>还没有运单号</source>
        <translation>No waybill number yet</translation>
    </message>
    <message>
        <source>缓存中没有这个面单账号的寄件地址，请联网后重新取号</source>
        <translation>The cache has no sender address for this waybill account; go online and get the number again</translation>
    </message>
    <message>
        <source>未登录店铺或处于离线状态，无法连接微信小店</source>
        <translation>Not signed in to a shop, or offline: WeChat Store cannot be reached</translation>
    </message>
    <message>
        <source>还没有运单号，请先取号</source>
        <translation>No waybill number yet; get one first</translation>
    </message>
    <message>
        <source>面单已打印，如需再打请用补打</source>
        <translation>The label is already printed; use Reprint to print it again</translation>
    </message>
    <message>
        <source>没有可打印的面单</source>
        <translation>No labels to print</translation>
    </message>
    <message>
        <source>面单还没有打印过，不能补打</source>
        <translation>The label was never printed, so it cannot be reprinted</translation>
    </message>
    <message>
        <source>没有可补打的面单</source>
        <translation>No labels to reprint</translation>
    </message>
    <message>
        <source>打印未完成</source>
        <translation>The print did not finish</translation>
    </message>
    <message>
        <source>订单有未完成的售后，不能发货</source>
        <translation>An after-sales case is open on this order: it cannot ship</translation>
    </message>
    <message>
        <source>售后结束后再发货；若已退款，请取消电子面单</source>
        <translation>Ship once the case is over; if it ended in a refund, cancel the e-waybill</translation>
    </message>
    <message>
        <source>买家申请修改地址，待处理</source>
        <translation>The buyer asked to change the address; waiting for your answer</translation>
    </message>
    <message>
        <source>先同意或拒绝改地址申请；同意后请取消原面单、重新取号并打印</source>
        <translation>Accept or reject the address change first; after accepting, cancel the old waybill, take a new one and print it</translation>
    </message>
    <message>
        <source>买家申请发货前换款，待处理</source>
        <translation>The buyer asked to switch the SKU before shipping; waiting for your answer</translation>
    </message>
    <message>
        <source>先同意或拒绝换款申请，再按新的订单内容打印发货</source>
        <translation>Approve or reject the SKU change first, then print and ship what the order now holds</translation>
    </message>
    <message>
        <source>面单打印后收货地址已变更，旧面单不能使用</source>
        <translation>The address changed after the label printed: the old label must not be used</translation>
    </message>
    <message>
        <source>请取消该电子面单，重新取号并打印</source>
        <translation>Cancel this e-waybill, take a new number and print again</translation>
    </message>
</context>
<context>
    <name>ShippingModel</name>
    <message>
        <source>订单号</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>件数（实付）</source>
        <translation>Qty (paid)</translation>
    </message>
    <message>
        <source>快递</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>运单号</source>
        <translation>Waybill</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>不能发货：</source>
        <translation>Cannot ship: </translation>
    </message>
    <message numerus="yes">
        <source>%1 等%n种</source>
        <translation>
            <numerusform>%1 and more (%n kind)</numerusform>
            <numerusform>%1 and more (%n kinds)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ShippingScreen</name>
    <message>
        <source>打印失败：%1。没有订单被标记发货，可以重新打印。</source>
        <translation>Printing failed: %1. No order was marked shipped; you can print again.</translation>
    </message>
    <message numerus="yes">
        <source>已补打 %n 张面单（已记录补打原因）。</source>
        <translation>
            <numerusform>Reprinted %n label (the reason is recorded).</numerusform>
            <numerusform>Reprinted %n labels (the reason is recorded).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已打印 %n 张面单，</source>
        <translation>
            <numerusform>Printed %n label; </numerusform>
            <numerusform>Printed %n labels; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个订单已发货。</source>
        <translation>
            <numerusform>%n order shipped.</numerusform>
            <numerusform>%n orders shipped.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n 个订单待微信小店确认发货（同步后确认）</source>
        <translation>
            <numerusform>%n order awaits the store&apos;s confirmation of shipping (confirmed on the next sync)</numerusform>
            <numerusform>%n orders await the store&apos;s confirmation of shipping (confirmed on the next sync)</numerusform>
        </translation>
    </message>
    <message>
        <source>76×130 一联单（快递标准）</source>
        <translation>76×130 one-part (carrier standard)</translation>
    </message>
    <message>
        <source>100×150 热敏标签</source>
        <translation>100×150 thermal label</translation>
    </message>
    <message>
        <source>100×180 热敏标签</source>
        <translation>100×180 thermal label</translation>
    </message>
    <message>
        <source>刷新账号</source>
        <translation>Refresh accounts</translation>
    </message>
    <message>
        <source>打印设置…</source>
        <translation>Print settings…</translation>
    </message>
    <message>
        <source>面单账号</source>
        <translation>Waybill account</translation>
    </message>
    <message>
        <source>尺寸</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>打印到</source>
        <translation>Print to</translation>
    </message>
    <message>
        <source>待发货</source>
        <translation>To ship</translation>
    </message>
    <message>
        <source>最近 7 天已打印（补打、取消）</source>
        <translation>Printed in the last 7 days (reprint, cancel)</translation>
    </message>
    <message>
        <source>全选可发货</source>
        <translation>Select all shippable</translation>
    </message>
    <message>
        <source>取号</source>
        <translation>Get numbers</translation>
    </message>
    <message>
        <source>打印面单并发货</source>
        <translation>Print labels and ship</translation>
    </message>
    <message>
        <source>选择打印机打印…</source>
        <translation>Print to a printer…</translation>
    </message>
    <message>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>取消面单</source>
        <translation>Cancel waybill</translation>
    </message>
    <message>
        <source>自己联系物流…</source>
        <translation>Own carrier…</translation>
    </message>
    <message>
        <source>拣货单…</source>
        <translation>Pick list…</translation>
    </message>
    <message>
        <source>发货单…</source>
        <translation>Packing slips…</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message numerus="yes">
        <source>%n 个订单的面单最近打印过，可补打</source>
        <translation>
            <numerusform>The label of %n order was printed recently and can be reprinted</numerusform>
            <numerusform>Labels of %n orders were printed recently and can be reprinted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>取号成功 %n 单</source>
        <translation>
            <numerusform>Got a number for %n order</numerusform>
            <numerusform>Got numbers for %n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 单失败：</source>
        <translation>
            <numerusform>, %n failed:</numerusform>
            <numerusform>, %n failed:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 单仍在排队（网络恢复后自动取号）</source>
        <translation>
            <numerusform>%n still queued (its number is taken when the network is back)</numerusform>
            <numerusform>%n still queued (numbers are taken when the network is back)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已生成 %n 页：%1</source>
        <translation>
            <numerusform>%n page written: %1</numerusform>
            <numerusform>%n pages written: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>选择一个已取号的订单，这里按实际尺寸预览面单</source>
        <translation>Select an order with a waybill number to preview its label at actual size here</translation>
    </message>
    <message numerus="yes">
        <source>%n 个订单待发货</source>
        <translation>
            <numerusform>%n order to ship</numerusform>
            <numerusform>%n orders to ship</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个订单待发货（含 %1 个部分发货）</source>
        <translation>
            <numerusform>%n order to ship (incl. %1 partly shipped)</numerusform>
            <numerusform>%n orders to ship (incl. %1 partly shipped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，其中 %n 个暂不能发货（原因见列表）</source>
        <translation>
            <numerusform>, %n of them cannot ship yet (see the list)</numerusform>
            <numerusform>, %n of them cannot ship yet (see the list)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 个礼物待收下（不能发货）</source>
        <translation>
            <numerusform>, %n gift awaiting acceptance (cannot ship yet)</numerusform>
            <numerusform>, %n gifts awaiting acceptance (cannot ship yet)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1：取号后可预览面单</source>
        <translation>%1: get a waybill number to preview the label</translation>
    </message>
    <message>
        <source>寄件地址…</source>
        <translation>Sender address…</translation>
    </message>
    <message>
        <source>请先选择电子面单账号</source>
        <translation>Please choose an e-waybill account first</translation>
    </message>
    <message>
        <source>离线：不能取号，可打印已取号的面单</source>
        <translation>Offline: cannot get numbers; labels with numbers can still be printed</translation>
    </message>
    <message>
        <source>月结</source>
        <translation>Monthly account</translation>
    </message>
    <message numerus="yes">
        <source>余 %n 张</source>
        <translation>
            <numerusform>%n left</numerusform>
            <numerusform>%n left</numerusform>
        </translation>
    </message>
    <message>
        <source>请先选择电子面单账号（联网后点“刷新账号”）</source>
        <translation>Choose a waybill account first (online, click “Refresh accounts”)</translation>
    </message>
    <message>
        <source>正在取号…</source>
        <translation>Getting waybill numbers…</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>没有取号，也没有订单被标记发货</source>
        <translation>No waybill number was taken and no order was marked shipped</translation>
    </message>
    <message>
        <source>请选择一个已打印过面单的订单</source>
        <translation>Select an order whose label was printed</translation>
    </message>
    <message>
        <source>补打面单</source>
        <translation>Reprint label</translation>
    </message>
    <message>
        <source>补打原因</source>
        <translation>Reason for the reprint</translation>
    </message>
    <message>
        <source>面单损坏</source>
        <translation>Label damaged</translation>
    </message>
    <message>
        <source>请选择一个已取号的订单</source>
        <translation>Select an order with a waybill number</translation>
    </message>
    <message>
        <source>取消运单号 %1？取消后单号作废，面单余额退回。</source>
        <translation>Cancel waybill %1? The number becomes void and the waybill credit is returned.</translation>
    </message>
    <message>
        <source>（取号中）</source>
        <translation>(getting number)</translation>
    </message>
    <message>
        <source>面单已取消</source>
        <translation>Waybill cancelled</translation>
    </message>
    <message>
        <source>请选择一个订单</source>
        <translation>Select an order</translation>
    </message>
    <message>
        <source>自己联系物流一次发一个订单，请只勾选一个</source>
        <translation>Own-carrier shipping takes one order at a time: tick only one</translation>
    </message>
    <message>
        <source>订单 %1 已发货（%2 %3）</source>
        <translation>Order %1 shipped (%2 %3)</translation>
    </message>
    <message>
        <source>保存拣货单</source>
        <translation>Save pick list</translation>
    </message>
    <message>
        <source>保存发货单</source>
        <translation>Save packing slips</translation>
    </message>
    <message>
        <source>正在通过打印组件打印…</source>
        <translation>Printing through the print component…</translation>
    </message>
    <message numerus="yes">
        <source>已打印 %n 页，其余未打印。</source>
        <translation>
            <numerusform>%n page printed; the rest were not.</numerusform>
            <numerusform>%n pages printed; the rest were not.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已停止：已打印 %n 页。</source>
        <translation>
            <numerusform>Stopped: %n page printed.</numerusform>
            <numerusform>Stopped: %n pages printed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已通过打印组件打印 %n 页（%1）</source>
        <translation>
            <numerusform>%n page printed through the print component (%1)</numerusform>
            <numerusform>%n pages printed through the print component (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>已停止，没有生成文件</source>
        <translation>Stopped; no file was made</translation>
    </message>
    <message>
        <source>（默认）</source>
        <translation> (default)</translation>
    </message>
    <message>
        <source>未设置</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>模板 %1，%2 行</source>
        <translation>template %1, %2 lines</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>是，A4 打印机：%1</source>
        <translation>yes, A4 printer: %1</translation>
    </message>
    <message>
        <source>打印组件地址</source>
        <translation>Print component address</translation>
    </message>
    <message>
        <source>面单自定义区</source>
        <translation>Label custom area</translation>
    </message>
    <message>
        <source>全部通过打印组件</source>
        <translation>Everything through the print component</translation>
    </message>
</context>
<context>
    <name>ShippingSelection</name>
    <message>
        <source>请先勾选订单，或在列表中选中一个订单</source>
        <translation>Tick orders first, or select one in the list</translation>
    </message>
    <message numerus="yes">
        <source>已勾选 %n 个订单</source>
        <translation>
            <numerusform>Ticked: %n order</numerusform>
            <numerusform>Ticked: %n orders</numerusform>
        </translation>
    </message>
    <message>
        <source>未勾选：操作选中的订单 %1</source>
        <translation>Nothing ticked: acting on the selected order %1</translation>
    </message>
    <message>
        <source>勾选订单，或在列表中选中一个</source>
        <translation>Tick orders, or select one in the list</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>磁盘空间已满，修改没有保存。请清理磁盘空间后重试：已保存的数据和待同步的修改都还在。</source>
        <translation>The disk is full; the change was not saved. Free some disk space and try again: saved data and unsynced changes are all still there.</translation>
    </message>
    <message>
        <source>数据目录是只读的，修改无法保存。请让磁盘或文件夹可写后重试：没有移动或删除任何文件。</source>
        <translation>The data folder is read-only; changes cannot be saved. Make the disk or folder writable and try again: no file was moved or deleted.</translation>
    </message>
    <message>
        <source>没有读写数据目录的权限。请用拥有该目录的系统用户运行，或修正目录权限后重试：没有移动或删除任何文件。</source>
        <translation>No permission to read and write the data folder. Run as the system user who owns it, or fix its permissions, and try again: no file was moved or deleted.</translation>
    </message>
    <message>
        <source>读写本地缓存时出现磁盘错误。请检查磁盘后重试：没有移动或删除任何文件。</source>
        <translation>A disk error occurred while reading or writing the local cache. Check the disk and try again: no file was moved or deleted.</translation>
    </message>
    <message>
        <source>这个店铺正在另一个小店桌面程序中打开。</source>
        <translation>This shop is open in another Seller Desktop.</translation>
    </message>
    <message>
        <source>本地缓存文件已损坏。</source>
        <translation>The local cache file is damaged.</translation>
    </message>
    <message>
        <source>这个数据目录由更新版本的小店桌面创建，请升级后再打开。</source>
        <translation>This data folder was created by a newer version of Seller Desktop; please upgrade to open it.</translation>
    </message>
    <message>
        <source>这个缓存属于另一个店铺（%1），不能用于%2：已停止同步，没有发送或改动任何内容。请在「店铺」菜单中切换到该店铺，或为这个店铺使用另一个数据目录。</source>
        <translation>This cache belongs to another shop (%1) and cannot be used for %2: the sync was stopped, nothing was sent or changed. Switch to that shop in the Shop menu, or use another data folder for this shop.</translation>
    </message>
    <message>
        <source>演示店铺</source>
        <translation>the demo shop</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>没有连接店铺，无法解决冲突</source>
        <translation>No shop connected: conflicts cannot be resolved</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>立即同步（F5）</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <source>● 未连接店铺（仅本地）</source>
        <translation>● No shop connected (local only)</translation>
    </message>
    <message>
        <source>● 离线（回复无法读取）</source>
        <translation>● Offline (unreadable replies)</translation>
    </message>
    <message>
        <source>微信小店的回复无法读取：网络可能需要先登录（例如酒店或咖啡馆的 Wi-Fi）。修改都已保存，会自动重试。</source>
        <translation>WeChat Store&apos;s replies could not be read: the network may need a sign-in first (a hotel or café Wi-Fi, for example). Your changes are saved and will be retried automatically.</translation>
    </message>
    <message>
        <source>● 离线（需要登录 Wi-Fi）</source>
        <translation>● Offline (Wi-Fi login needed)</translation>
    </message>
    <message>
        <source>所在的网络要求先登录（例如酒店或咖啡馆的 Wi-Fi）：请在浏览器中登录。修改都已保存，登录后会自动重试。</source>
        <translation>This network asks you to log in first (e.g. a hotel&apos;s or café&apos;s Wi-Fi): log in in your browser. Your changes are saved and are retried once you are logged in.</translation>
    </message>
    <message>
        <source>● 演示店铺</source>
        <translation>● Demo shop</translation>
    </message>
    <message>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● 离线</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>待同步：%1</source>
        <translation>Not synced: %1</translation>
    </message>
    <message>
        <source>失败：%1</source>
        <translation>Failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>（%n 项排在后面）</source>
        <translation>
            <numerusform> (%n waiting behind)</numerusform>
            <numerusform> (%n waiting behind)</numerusform>
        </translation>
    </message>
    <message>
        <source>微信小店拒绝了这些修改，点击查看原因、重试或放弃。最近一项：%1</source>
        <translation>WeChat Store refused these changes; click to see why, retry or drop them. Latest: %1</translation>
    </message>
    <message>
        <source>同步失败</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <source>冲突：%1</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
</context>
</TS>
